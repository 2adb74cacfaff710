package dev.cascade.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndexNamesTest {
  @Test
  void aNameThatFitsIsTheTableAndTheColumn() {
    assertThat(IndexNames.of("comments_trash", "post_id")).isEqualTo("comments_trash_post_id");
  }

  @Test
  void aLongNameIsCutToWhatEveryDatabaseKeepsAndTwoWithTheSameStartStayApart() {
    String table = "customer_subscription_invoice_line_items_trash";
    String invoice = IndexNames.of(table, "customer_subscription_invoice_id");
    String item = IndexNames.of(table, "customer_subscription_invoice_item_id");

    assertThat(invoice).hasSize(63).startsWith("customer_subscription_invoice_line_items_trash_custome_");
    assertThat(item).hasSize(63).isNotEqualTo(invoice);
    assertThat(IndexNames.of(table, "customer_subscription_invoice_id")).as("the same every time").isEqualTo(invoice);
  }
}
