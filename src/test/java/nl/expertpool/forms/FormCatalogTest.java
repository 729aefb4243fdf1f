package nl.expertpool.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class FormCatalogTest {

  private final PathMatchingResourcePatternResolver resources =
      new PathMatchingResourcePatternResolver();

  @Test
  void loadsEveryFormOnTheClasspath() {
    var catalog = new FormCatalog(resources);

    assertThat(catalog.ids())
        .contains(
            "phase-overdue-decision",
            "boost-recruitment",
            "screen-candidates",
            "decide-small-pool",
            "schedule-training",
            "record-attendance",
            "decide-retrain-or-cancel",
            "record-network-interview",
            "review-synthesis",
            "revise-synthesis",
            "plan-stakeholder-session",
            "record-session-outcome",
            "give-feedback",
            "revise-action-agenda",
            "hold-handover-meeting",
            "accept-handover",
            "hold-follow-up-session");
    assertThat(catalog.byId("decide-small-pool"))
        .hasValueSatisfying(form -> assertThat(form.id()).isEqualTo("decide-small-pool"));
    assertThat(catalog.byId("no-such-form")).isEmpty();
    assertThat(catalog.json("no-such-form")).isEmpty();
  }

  @Test
  void givesOutTheFormJsonAsInItsFileAndAsACopy() {
    var catalog = new FormCatalog(resources);

    var json = catalog.json("accept-handover").orElseThrow();
    assertThat(json.path("schemaVersion").asInt()).isEqualTo(18);
    assertThat(json.path("components").get(1).path("key").asText()).isEqualTo("handoverAccepted");

    ((ObjectNode) json).put("id", "changed");
    assertThat(catalog.json("accept-handover").orElseThrow().path("id").asText())
        .isEqualTo("accept-handover");
  }

  @Test
  void refusesAFormNamedOtherwiseThanItsFile() {
    assertThatThrownBy(() -> new FormCatalog(resources, "classpath*:broken-models/forms/*.form"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("misnamed.form")
        .hasMessageContaining("differs from the file name");
  }

  @Test
  void refusesAFormWithAnUnsupportedTypeNamingTheFile() {
    assertThatThrownBy(() -> new FormCatalog(resources, "classpath*:unsupported-forms/*.form"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("with-a-button.form")
        .hasMessageContaining("button");
  }
}
