package nl.expertpool.pools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.lifecycle.NewProjects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Standing pools by the REST API (issue 23, first part): a project manager starts one, with its
 * periods; managers and staff see them; a project starts in one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PoolsIntegrationTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditTrail audit;

  @Test
  void aProjectManagerStartsAPoolWhichManagersAndStaffSee() {
    String name = "Utrecht region " + UUID.randomUUID();

    var created = post("pm", "/api/pools", Map.of("name", "  " + name + " ", "region", "Utrecht"));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode pool = created.getBody();
    String id = pool.path("id").asText();
    assertThat(created.getHeaders().getLocation()).hasToString("/api/pools/" + id);
    assertThat(pool.path("name").asText()).isEqualTo(name);
    assertThat(pool.path("region").asText()).isEqualTo("Utrecht");
    assertThat(pool.path("certificationMonths").asInt()).isEqualTo(24);
    assertThat(pool.path("membershipMonths").asInt()).isEqualTo(24);
    assertThat(get("staff", "/api/pools").getBody())
        .anySatisfy(listed -> assertThat(listed.path("id").asText()).isEqualTo(id));
    assertThat(get("staff", "/api/pools/" + id).getBody().path("name").asText()).isEqualTo(name);
    assertThat(audit.about(AuditTrail.pool(id)))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.action()).isEqualTo("pool.created");
              assertThat(event.actor()).isEqualTo("pm");
            });
  }

  @Test
  void aSecondPoolOfTheSameNameInAnyCaseIsRefusedAndNothingIsStored() {
    String name = "Gelderland " + UUID.randomUUID();
    post(
        "pm",
        "/api/pools",
        Map.of("name", name, "region", "Gelderland", "certificationMonths", 12));

    var again =
        post("pm", "/api/pools", Map.of("name", name.toUpperCase(), "region", "Gelderland"));

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(again.getBody().at("/errors/0/field").asText()).isEqualTo("name");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from standing_pool where lower(name) = lower(?)",
                Integer.class,
                name))
        .isOne();
  }

  @Test
  void aProjectStartsInAPoolAndAnUnknownPoolIsRefused() {
    String pool =
        post("pm", "/api/pools", Map.of("name", "Almere " + UUID.randomUUID(), "region", "Almere"))
            .getBody()
            .path("id")
            .asText();
    var plan =
        NewProjects.json(
            "In a pool " + UUID.randomUUID(),
            3,
            2,
            List.of("housing"),
            LocalDate.now().plusDays(1).toString());

    plan.put("poolId", pool);
    var inPool = post("pm", "/api/projects", plan);
    String unknownName = "Nowhere " + UUID.randomUUID();
    plan.put("name", unknownName);
    plan.put("poolId", UUID.randomUUID().toString());
    var unknown = post("pm", "/api/projects", plan);

    assertThat(inPool.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(inPool.getBody().path("standingPoolId").asText()).isEqualTo(pool);
    assertThat(
            get("pm", "/api/projects/" + inPool.getBody().path("id").asText())
                .getBody()
                .path("standingPoolId")
                .asText())
        .isEqualTo(pool);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody().at("/errors/0/field").asText()).isEqualTo("poolId");
    assertThat(unknown.getBody().at("/errors/0/reason").asText()).contains("standing pool");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from project where name = ?", Integer.class, unknownName))
        .isZero();
  }

  private ResponseEntity<JsonNode> post(String user, String path, Object body) {
    return http.exchange(
        path, HttpMethod.POST, new HttpEntity<>(body, headers(user)), JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String user, String path) {
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(user)), JsonNode.class);
  }

  private static HttpHeaders headers(String user) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, "demo");
    return headers;
  }
}
