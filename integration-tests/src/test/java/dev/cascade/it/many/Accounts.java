package dev.cascade.it.many;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/**
 * An account with 240 tables below it, {@code mt_t000} to {@code mt_t239}, each a row per account
 * (written by script, one line a table): the step lists of {@code Accounts_AccountDeleter} pass
 * what one static initializer holds, so the generated classes write them in parts. Before, javac
 * stopped in the generated source with "code too large".
 */
public final class Accounts {
  /** How many tables hang off an account. */
  public static final int TABLES = 240;

  private Accounts() {}

  /** The account. */
  @Table("mt_accounts")
  @HasMany(T000.class)
  @HasMany(T001.class)
  @HasMany(T002.class)
  @HasMany(T003.class)
  @HasMany(T004.class)
  @HasMany(T005.class)
  @HasMany(T006.class)
  @HasMany(T007.class)
  @HasMany(T008.class)
  @HasMany(T009.class)
  @HasMany(T010.class)
  @HasMany(T011.class)
  @HasMany(T012.class)
  @HasMany(T013.class)
  @HasMany(T014.class)
  @HasMany(T015.class)
  @HasMany(T016.class)
  @HasMany(T017.class)
  @HasMany(T018.class)
  @HasMany(T019.class)
  @HasMany(T020.class)
  @HasMany(T021.class)
  @HasMany(T022.class)
  @HasMany(T023.class)
  @HasMany(T024.class)
  @HasMany(T025.class)
  @HasMany(T026.class)
  @HasMany(T027.class)
  @HasMany(T028.class)
  @HasMany(T029.class)
  @HasMany(T030.class)
  @HasMany(T031.class)
  @HasMany(T032.class)
  @HasMany(T033.class)
  @HasMany(T034.class)
  @HasMany(T035.class)
  @HasMany(T036.class)
  @HasMany(T037.class)
  @HasMany(T038.class)
  @HasMany(T039.class)
  @HasMany(T040.class)
  @HasMany(T041.class)
  @HasMany(T042.class)
  @HasMany(T043.class)
  @HasMany(T044.class)
  @HasMany(T045.class)
  @HasMany(T046.class)
  @HasMany(T047.class)
  @HasMany(T048.class)
  @HasMany(T049.class)
  @HasMany(T050.class)
  @HasMany(T051.class)
  @HasMany(T052.class)
  @HasMany(T053.class)
  @HasMany(T054.class)
  @HasMany(T055.class)
  @HasMany(T056.class)
  @HasMany(T057.class)
  @HasMany(T058.class)
  @HasMany(T059.class)
  @HasMany(T060.class)
  @HasMany(T061.class)
  @HasMany(T062.class)
  @HasMany(T063.class)
  @HasMany(T064.class)
  @HasMany(T065.class)
  @HasMany(T066.class)
  @HasMany(T067.class)
  @HasMany(T068.class)
  @HasMany(T069.class)
  @HasMany(T070.class)
  @HasMany(T071.class)
  @HasMany(T072.class)
  @HasMany(T073.class)
  @HasMany(T074.class)
  @HasMany(T075.class)
  @HasMany(T076.class)
  @HasMany(T077.class)
  @HasMany(T078.class)
  @HasMany(T079.class)
  @HasMany(T080.class)
  @HasMany(T081.class)
  @HasMany(T082.class)
  @HasMany(T083.class)
  @HasMany(T084.class)
  @HasMany(T085.class)
  @HasMany(T086.class)
  @HasMany(T087.class)
  @HasMany(T088.class)
  @HasMany(T089.class)
  @HasMany(T090.class)
  @HasMany(T091.class)
  @HasMany(T092.class)
  @HasMany(T093.class)
  @HasMany(T094.class)
  @HasMany(T095.class)
  @HasMany(T096.class)
  @HasMany(T097.class)
  @HasMany(T098.class)
  @HasMany(T099.class)
  @HasMany(T100.class)
  @HasMany(T101.class)
  @HasMany(T102.class)
  @HasMany(T103.class)
  @HasMany(T104.class)
  @HasMany(T105.class)
  @HasMany(T106.class)
  @HasMany(T107.class)
  @HasMany(T108.class)
  @HasMany(T109.class)
  @HasMany(T110.class)
  @HasMany(T111.class)
  @HasMany(T112.class)
  @HasMany(T113.class)
  @HasMany(T114.class)
  @HasMany(T115.class)
  @HasMany(T116.class)
  @HasMany(T117.class)
  @HasMany(T118.class)
  @HasMany(T119.class)
  @HasMany(T120.class)
  @HasMany(T121.class)
  @HasMany(T122.class)
  @HasMany(T123.class)
  @HasMany(T124.class)
  @HasMany(T125.class)
  @HasMany(T126.class)
  @HasMany(T127.class)
  @HasMany(T128.class)
  @HasMany(T129.class)
  @HasMany(T130.class)
  @HasMany(T131.class)
  @HasMany(T132.class)
  @HasMany(T133.class)
  @HasMany(T134.class)
  @HasMany(T135.class)
  @HasMany(T136.class)
  @HasMany(T137.class)
  @HasMany(T138.class)
  @HasMany(T139.class)
  @HasMany(T140.class)
  @HasMany(T141.class)
  @HasMany(T142.class)
  @HasMany(T143.class)
  @HasMany(T144.class)
  @HasMany(T145.class)
  @HasMany(T146.class)
  @HasMany(T147.class)
  @HasMany(T148.class)
  @HasMany(T149.class)
  @HasMany(T150.class)
  @HasMany(T151.class)
  @HasMany(T152.class)
  @HasMany(T153.class)
  @HasMany(T154.class)
  @HasMany(T155.class)
  @HasMany(T156.class)
  @HasMany(T157.class)
  @HasMany(T158.class)
  @HasMany(T159.class)
  @HasMany(T160.class)
  @HasMany(T161.class)
  @HasMany(T162.class)
  @HasMany(T163.class)
  @HasMany(T164.class)
  @HasMany(T165.class)
  @HasMany(T166.class)
  @HasMany(T167.class)
  @HasMany(T168.class)
  @HasMany(T169.class)
  @HasMany(T170.class)
  @HasMany(T171.class)
  @HasMany(T172.class)
  @HasMany(T173.class)
  @HasMany(T174.class)
  @HasMany(T175.class)
  @HasMany(T176.class)
  @HasMany(T177.class)
  @HasMany(T178.class)
  @HasMany(T179.class)
  @HasMany(T180.class)
  @HasMany(T181.class)
  @HasMany(T182.class)
  @HasMany(T183.class)
  @HasMany(T184.class)
  @HasMany(T185.class)
  @HasMany(T186.class)
  @HasMany(T187.class)
  @HasMany(T188.class)
  @HasMany(T189.class)
  @HasMany(T190.class)
  @HasMany(T191.class)
  @HasMany(T192.class)
  @HasMany(T193.class)
  @HasMany(T194.class)
  @HasMany(T195.class)
  @HasMany(T196.class)
  @HasMany(T197.class)
  @HasMany(T198.class)
  @HasMany(T199.class)
  @HasMany(T200.class)
  @HasMany(T201.class)
  @HasMany(T202.class)
  @HasMany(T203.class)
  @HasMany(T204.class)
  @HasMany(T205.class)
  @HasMany(T206.class)
  @HasMany(T207.class)
  @HasMany(T208.class)
  @HasMany(T209.class)
  @HasMany(T210.class)
  @HasMany(T211.class)
  @HasMany(T212.class)
  @HasMany(T213.class)
  @HasMany(T214.class)
  @HasMany(T215.class)
  @HasMany(T216.class)
  @HasMany(T217.class)
  @HasMany(T218.class)
  @HasMany(T219.class)
  @HasMany(T220.class)
  @HasMany(T221.class)
  @HasMany(T222.class)
  @HasMany(T223.class)
  @HasMany(T224.class)
  @HasMany(T225.class)
  @HasMany(T226.class)
  @HasMany(T227.class)
  @HasMany(T228.class)
  @HasMany(T229.class)
  @HasMany(T230.class)
  @HasMany(T231.class)
  @HasMany(T232.class)
  @HasMany(T233.class)
  @HasMany(T234.class)
  @HasMany(T235.class)
  @HasMany(T236.class)
  @HasMany(T237.class)
  @HasMany(T238.class)
  @HasMany(T239.class)
  @Deletable(strategy = DeleteStrategy.SOFT)
  public record Account(long id, String name, Instant deletedAt) {}

  @Table("mt_t000")
  public record T000(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t001")
  public record T001(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t002")
  public record T002(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t003")
  public record T003(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t004")
  public record T004(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t005")
  public record T005(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t006")
  public record T006(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t007")
  public record T007(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t008")
  public record T008(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t009")
  public record T009(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t010")
  public record T010(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t011")
  public record T011(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t012")
  public record T012(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t013")
  public record T013(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t014")
  public record T014(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t015")
  public record T015(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t016")
  public record T016(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t017")
  public record T017(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t018")
  public record T018(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t019")
  public record T019(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t020")
  public record T020(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t021")
  public record T021(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t022")
  public record T022(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t023")
  public record T023(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t024")
  public record T024(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t025")
  public record T025(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t026")
  public record T026(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t027")
  public record T027(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t028")
  public record T028(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t029")
  public record T029(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t030")
  public record T030(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t031")
  public record T031(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t032")
  public record T032(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t033")
  public record T033(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t034")
  public record T034(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t035")
  public record T035(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t036")
  public record T036(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t037")
  public record T037(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t038")
  public record T038(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t039")
  public record T039(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t040")
  public record T040(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t041")
  public record T041(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t042")
  public record T042(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t043")
  public record T043(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t044")
  public record T044(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t045")
  public record T045(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t046")
  public record T046(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t047")
  public record T047(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t048")
  public record T048(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t049")
  public record T049(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t050")
  public record T050(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t051")
  public record T051(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t052")
  public record T052(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t053")
  public record T053(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t054")
  public record T054(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t055")
  public record T055(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t056")
  public record T056(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t057")
  public record T057(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t058")
  public record T058(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t059")
  public record T059(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t060")
  public record T060(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t061")
  public record T061(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t062")
  public record T062(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t063")
  public record T063(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t064")
  public record T064(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t065")
  public record T065(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t066")
  public record T066(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t067")
  public record T067(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t068")
  public record T068(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t069")
  public record T069(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t070")
  public record T070(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t071")
  public record T071(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t072")
  public record T072(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t073")
  public record T073(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t074")
  public record T074(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t075")
  public record T075(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t076")
  public record T076(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t077")
  public record T077(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t078")
  public record T078(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t079")
  public record T079(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t080")
  public record T080(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t081")
  public record T081(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t082")
  public record T082(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t083")
  public record T083(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t084")
  public record T084(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t085")
  public record T085(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t086")
  public record T086(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t087")
  public record T087(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t088")
  public record T088(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t089")
  public record T089(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t090")
  public record T090(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t091")
  public record T091(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t092")
  public record T092(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t093")
  public record T093(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t094")
  public record T094(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t095")
  public record T095(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t096")
  public record T096(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t097")
  public record T097(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t098")
  public record T098(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t099")
  public record T099(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t100")
  public record T100(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t101")
  public record T101(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t102")
  public record T102(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t103")
  public record T103(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t104")
  public record T104(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t105")
  public record T105(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t106")
  public record T106(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t107")
  public record T107(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t108")
  public record T108(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t109")
  public record T109(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t110")
  public record T110(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t111")
  public record T111(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t112")
  public record T112(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t113")
  public record T113(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t114")
  public record T114(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t115")
  public record T115(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t116")
  public record T116(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t117")
  public record T117(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t118")
  public record T118(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t119")
  public record T119(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t120")
  public record T120(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t121")
  public record T121(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t122")
  public record T122(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t123")
  public record T123(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t124")
  public record T124(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t125")
  public record T125(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t126")
  public record T126(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t127")
  public record T127(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t128")
  public record T128(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t129")
  public record T129(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t130")
  public record T130(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t131")
  public record T131(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t132")
  public record T132(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t133")
  public record T133(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t134")
  public record T134(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t135")
  public record T135(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t136")
  public record T136(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t137")
  public record T137(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t138")
  public record T138(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t139")
  public record T139(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t140")
  public record T140(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t141")
  public record T141(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t142")
  public record T142(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t143")
  public record T143(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t144")
  public record T144(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t145")
  public record T145(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t146")
  public record T146(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t147")
  public record T147(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t148")
  public record T148(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t149")
  public record T149(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t150")
  public record T150(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t151")
  public record T151(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t152")
  public record T152(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t153")
  public record T153(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t154")
  public record T154(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t155")
  public record T155(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t156")
  public record T156(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t157")
  public record T157(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t158")
  public record T158(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t159")
  public record T159(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t160")
  public record T160(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t161")
  public record T161(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t162")
  public record T162(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t163")
  public record T163(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t164")
  public record T164(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t165")
  public record T165(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t166")
  public record T166(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t167")
  public record T167(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t168")
  public record T168(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t169")
  public record T169(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t170")
  public record T170(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t171")
  public record T171(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t172")
  public record T172(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t173")
  public record T173(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t174")
  public record T174(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t175")
  public record T175(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t176")
  public record T176(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t177")
  public record T177(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t178")
  public record T178(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t179")
  public record T179(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t180")
  public record T180(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t181")
  public record T181(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t182")
  public record T182(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t183")
  public record T183(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t184")
  public record T184(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t185")
  public record T185(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t186")
  public record T186(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t187")
  public record T187(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t188")
  public record T188(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t189")
  public record T189(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t190")
  public record T190(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t191")
  public record T191(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t192")
  public record T192(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t193")
  public record T193(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t194")
  public record T194(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t195")
  public record T195(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t196")
  public record T196(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t197")
  public record T197(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t198")
  public record T198(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t199")
  public record T199(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t200")
  public record T200(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t201")
  public record T201(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t202")
  public record T202(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t203")
  public record T203(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t204")
  public record T204(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t205")
  public record T205(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t206")
  public record T206(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t207")
  public record T207(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t208")
  public record T208(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t209")
  public record T209(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t210")
  public record T210(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t211")
  public record T211(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t212")
  public record T212(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t213")
  public record T213(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t214")
  public record T214(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t215")
  public record T215(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t216")
  public record T216(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t217")
  public record T217(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t218")
  public record T218(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t219")
  public record T219(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t220")
  public record T220(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t221")
  public record T221(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t222")
  public record T222(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t223")
  public record T223(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t224")
  public record T224(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t225")
  public record T225(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t226")
  public record T226(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t227")
  public record T227(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t228")
  public record T228(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t229")
  public record T229(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t230")
  public record T230(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t231")
  public record T231(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t232")
  public record T232(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t233")
  public record T233(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t234")
  public record T234(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t235")
  public record T235(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t236")
  public record T236(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t237")
  public record T237(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t238")
  public record T238(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}

  @Table("mt_t239")
  public record T239(long id, @BelongsTo(Account.class) long accountId, String name, Instant deletedAt) {}
}
