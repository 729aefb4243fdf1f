package nl.expertpool.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.pools.GivenConsent;
import nl.expertpool.pools.NewPool;
import nl.expertpool.pools.PoolMembership;
import nl.expertpool.pools.PoolRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/** The standing pools and a pool's roster, on pages for project managers and staff. */
@SpringBootTest
@AutoConfigureMockMvc
class PoolsPageIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired LifecycleDriver driver;
  @Autowired PoolRegistry pools;
  @Autowired PoolMembership membership;

  @Test
  void managersAndStaffSeeThePoolsAndARosterWithCertificationAndHours() throws Exception {
    var pool =
        pools.create(new NewPool("Gelderland " + UUID.randomUUID(), "Gelderland", 24, 12), "pm");
    UUID project = driver.trainedPool(pool.getId());
    var expert = driver.pool.pool(project).getFirst();
    membership.join(project, expert.expertId(), new GivenConsent("v1", "nl", "paper"), "staff");
    String name =
        driver.pool.people(project).stream()
            .filter(p -> expert.expertId().equals(p.expertId()))
            .findFirst()
            .orElseThrow()
            .name();

    String list = page("/pools", "PROJECT_MANAGER");
    String roster = page("/pools/" + pool.getId() + "?lang=nl", "STAFF");

    assertThat(list)
        .contains("Standing pools", pool.getName(), "Gelderland", "24 months", "12 months")
        .contains("href=\"/pools/" + pool.getId() + "\"");
    assertThat(roster)
        .contains(pool.getName(), "Gecertificeerd tot", "Betaalde uren")
        .contains(name)
        .doesNotContain("Niet gecertificeerd");
    assertThat(page("/dashboard", "PROJECT_MANAGER")).contains("href=\"/pools\"");
  }

  private String page(String path, String role) throws Exception {
    return mvc.perform(get(path).with(user(role.toLowerCase()).roles(role)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
