package nl.expertpool.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import nl.expertpool.lifecycle.LifecycleDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The project page shows what each phase produced, without the API. */
@SpringBootTest
@AutoConfigureMockMvc
class ProjectPageIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired LifecycleDriver driver;

  @Test
  void aNewProjectsPageSaysEachPhaseHasNotProducedAnythingYet() throws Exception {
    UUID project = driver.create(3, java.util.Map.of());
    driver.awaitWindowOpen(project);

    String page = page(get("/dashboard/projects/" + project));

    assertThat(page)
        .contains("href=\"#interviews\"", "href=\"#insights\"", "href=\"#downloads\"")
        .contains("The call is open until")
        .contains("Not yet: this phase has not produced it.")
        .contains("Not settled yet; the rate is EUR 25.00 an hour.")
        .doesNotContain("action-agenda.csv", "insights.csv", "handover.pdf");
  }

  @Test
  void aProjectAtItsHandoverShowsEveryPhasesResultsAndOffersItsFiles() throws Exception {
    UUID project = driver.awaitingAcceptance();

    String page = page(get("/dashboard/projects/" + project));

    assertThat(page)
        .contains("4 of 4 interviews shown.")
        .contains("id=\"interview-")
        .contains("<figure class=\"bars\">", "<svg class=\"bar\"")
        .contains("Share of the recorded interviews that raise each theme")
        .contains("housing: 100 % of the interviews (4)")
        .contains("Needs named most", "Quotes")
        .contains("Mean support per action, from 1 to 5")
        .contains("2 experts gave feedback, 0 did not.")
        .contains("support 5.0 of 5, from 2 experts")
        .contains("Short term", "High")
        .contains("payout.csv", "action-agenda.csv", "insights.csv", "/synthesis\"")
        .contains("/portal/projects/" + project + "/handover.pdf");
    assertThat(page(get("/dashboard/projects/" + project + "?lang=nl")))
        .contains("Betaalde tijd", "Gemiddelde steun per actie", "Korte termijn");

    String filtered = page(get("/dashboard/projects/" + project + "?theme=work&status=RECORDED"));
    assertThat(filtered).contains("0 of 4 interviews shown.");
  }

  @Test
  void theClientSeesPlannedDatesAndTheInsightsAndAgendaInAggregateOnly() throws Exception {
    UUID project = driver.awaitingAcceptance();

    String portal =
        mvc.perform(get("/portal/projects/" + project).with(client("Gemeente Almere")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(portal)
        .contains("planned by ")
        .contains("What the interviews said", "4 interviews recorded; 0 people declined.")
        .contains("<figure class=\"bars\">", "100 % (4)")
        .contains("Action agenda", "Short term", "housing (4)")
        .doesNotContain("I waited two years", "#interview-", "Needs named most");
  }

  @Test
  void theDownloadsAreTheApisFilesForThePagesSession() throws Exception {
    UUID project = driver.awaitingAcceptance();

    MockHttpServletResponse payout = download("/dashboard/projects/" + project + "/payout.csv");
    assertThat(payout.getContentType()).startsWith("text/csv");
    assertThat(payout.getHeader("Content-Disposition")).contains("payout-" + project + ".csv");
    assertThat(payout.getContentAsString())
        .startsWith("expert,name,email,training hours")
        .contains("Olena Koval");
    assertThat(
            download("/dashboard/projects/" + project + "/action-agenda.csv").getContentAsString())
        .startsWith("position,session,theme,action");
    assertThat(download("/dashboard/projects/" + project + "/insights.csv").getContentAsString())
        .startsWith("theme,interviews,share,summary");
    assertThat(download("/dashboard/projects/" + project + "/synthesis").getContentAsString())
        .contains("<html");

    UUID fresh = driver.create(3, java.util.Map.of());
    mvc.perform(get("/dashboard/projects/" + fresh + "/action-agenda.csv").with(pm()))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/dashboard/projects/" + project + "/payout.csv")
                .with(user("staff").roles("STAFF")))
        .andExpect(status().isForbidden());
  }

  private MockHttpServletResponse download(String path) throws Exception {
    return mvc.perform(get(path).with(pm())).andExpect(status().isOk()).andReturn().getResponse();
  }

  private String page(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(pm()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static RequestPostProcessor client(String organisation) {
    return user("client")
        .authorities(
            new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_CLIENT"),
            new org.springframework.security.core.authority.SimpleGrantedAuthority(
                "ORG_" + organisation));
  }

  private static RequestPostProcessor pm() {
    return user("pm").roles("PROJECT_MANAGER");
  }
}
