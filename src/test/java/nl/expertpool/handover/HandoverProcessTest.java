package nl.expertpool.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.milestone.MilestoneStatus;
import nl.expertpool.project.ProjectStatus;
import nl.expertpool.remuneration.Remuneration;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.Role;
import nl.expertpool.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The paths through {@code project-handover}: the package, the reminder, acceptance and pay. */
@SpringBootTest
class HandoverProcessTest {

  @Autowired LifecycleDriver driver;
  @Autowired HandoverPackage handover;
  @Autowired Remuneration remuneration;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theClientIsRemindedThenAcceptsAndThePoolIsPaidOnce() {
    UUID project = driver.awaitingAcceptance();
    assertThat(handover.html(project).orElseThrow())
        .contains("Handover: ", "Method guide", "housing desk with the experts")
        .doesNotContain("Olena", "I waited two years for a house.");
    assertThat(new String(handover.pdf(project).orElseThrow(), 0, 5)).isEqualTo("%PDF-");

    var foreignClient = new CurrentUser("other", Set.of(Role.CLIENT), "Gemeente Utrecht");
    long accept = driver.task(project, "accept-handover").key();
    assertThat(driver.tasks.open(foreignClient, project)).isEmpty();
    assertThatThrownBy(() -> driver.tasks.get(foreignClient, accept))
        .isInstanceOf(ApiException.class);
    assertThat(driver.tasks.open(LifecycleDriver.CLIENT, project)).hasSize(1);

    driver.advance(Duration.ofDays(7).plusHours(1));
    await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> audits(project, "handover.client-reminded") == 1);
    driver.tasks.complete(
        LifecycleDriver.CLIENT,
        accept,
        Map.of("handoverAccepted", true, "clientRemarks", "Thanks"));

    await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> driver.projects.get(project).getStatus() == ProjectStatus.COMPLETED);
    assertThat(driver.milestone(project, MilestoneKey.HANDOVER_COMPLETED))
        .isEqualTo(MilestoneStatus.REACHED);
    var settlement = remuneration.settlement(project).orElseThrow();
    // Two experts: 3 training hours and two 90-minute interviews each, at 25.00 an hour.
    assertThat(settlement.totalHours()).isEqualByComparingTo("12");
    assertThat(settlement.totalAmount()).isEqualByComparingTo("300.00");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from remuneration_entry where project_id = ?"
                    + " and settled_at is null",
                Integer.class,
                project))
        .isZero();
    assertThat(remuneration.settle(project, new BigDecimal("99"))).isEqualTo(settlement);
  }

  private int audits(UUID project, String action) {
    return jdbc.queryForObject(
        "select count(*) from audit_event where subject = ? and action = ?",
        Integer.class,
        "project:" + project,
        action);
  }
}
