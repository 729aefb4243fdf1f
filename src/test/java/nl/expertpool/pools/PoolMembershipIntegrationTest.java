package nl.expertpool.pools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.audit.AuditEvent;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.recruitment.ConsentTexts;
import nl.expertpool.recruitment.Pool.PoolMember;
import nl.expertpool.remuneration.PaidTime;
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
 * Experts of a standing pool's project who agree to be invited again join the pool's roster, with
 * the pool's own copy of how to reach them; one who leaves is erased from it (issue 23).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PoolMembershipIntegrationTest {

  @Autowired TestRestTemplate http;
  @Autowired LifecycleDriver driver;
  @Autowired PoolRegistry pools;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditTrail audit;
  @Autowired PoolMembership membership;
  @Autowired PaidTime paidTime;

  private static final Map<String, String> ON_PAPER =
      Map.of("textVersion", "v1", "language", "uk", "method", "paper");

  @Test
  void certifiedExpertsWhoAgreeJoinTheRosterAndOneWhoLeavesIsErasedFromIt() {
    var pool =
        pools.create(new NewPool("Utrecht region " + UUID.randomUUID(), "Utrecht", 18, null), "pm");
    UUID project = driver.trainedPool(pool.getId());
    List<PoolMember> experts = driver.pool.pool(project);
    assertThat(experts).hasSize(2).allMatch(PoolMember::certified);

    String first = join(project, experts.get(0).expertId());
    String second = join(project, experts.get(1).expertId());
    String again = join(project, experts.get(1).expertId());

    assertThat(again).as("the same consent twice: the same member").isEqualTo(second);
    JsonNode roster = get("staff", "/api/pools/" + pool.getId() + "/roster").getBody();
    assertThat(roster).hasSize(2);
    assertThat(roster.findValuesAsText("name"))
        .containsExactlyInAnyOrder("Olena Koval", "Andrii Melnyk");
    LocalDate inSeventeenMonths = driver.today().plusMonths(17);
    var paid = paidTime.overview(project).experts();
    for (JsonNode member : roster) {
      assertThat(member.path("hours").decimalValue())
          .as("paid hours over the pool's projects")
          .isPositive()
          .isEqualByComparingTo(paid.getFirst().hours());
      assertThat(member.path("projects")).hasSize(1);
      assertThat(member.path("projects").get(0).asText()).isEqualTo(project.toString());
      assertThat(member.path("languages")).isNotEmpty();
      assertThat(LocalDate.parse(member.path("certifiedUntil").asText()))
          .as("certified for the pool's 18 months")
          .isAfter(inSeventeenMonths);
    }
    var consent =
        jdbc.queryForMap(
            "select text_version, language, text_sha256, method, given_by, revoked_at"
                + " from pool_consent where member_id = ?::uuid",
            first);
    assertThat(consent)
        .containsEntry("text_version", "v1")
        .containsEntry("language", "uk")
        .containsEntry(
            "text_sha256",
            new ConsentTexts(ConsentTexts.POOL_FOLDER).text("v1", "uk").orElseThrow().sha256())
        .containsEntry("method", "paper")
        .containsEntry("given_by", "staff")
        .containsEntry("revoked_at", null);

    String stays = null;
    for (JsonNode member : roster) {
      if (member.path("memberId").asText().equals(second)) {
        stays = member.path("name").asText();
      }
    }

    var left = delete("staff", "/api/pools/" + pool.getId() + "/members/" + first);

    assertThat(left.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            get("pm", "/api/pools/" + pool.getId() + "/roster").getBody().findValuesAsText("name"))
        .containsExactly(stays);
    assertThat(
            jdbc.queryForMap(
                "select name, email, phone, languages, left_at from pool_member where id = ?::uuid",
                first))
        .containsEntry("name", null)
        .containsEntry("email", null)
        .containsEntry("phone", null)
        .containsEntry("languages", null)
        .extractingByKey("left_at")
        .isNotNull();
    assertThat(
            jdbc.queryForObject(
                "select revoked_at is not null from pool_consent where member_id = ?::uuid",
                Boolean.class,
                first))
        .isTrue();
    assertThat(audit.about(AuditTrail.pool(pool.getId())))
        .extracting(AuditEvent::action)
        .containsExactly(
            "pool.created", "pool.member.joined", "pool.member.joined", "pool.member.left");
  }

  @Test
  void aMemberWithoutAProjectForThePoolsMembershipMonthsLeavesIt() {
    var pool =
        pools.create(new NewPool("Zwolle pool " + UUID.randomUUID(), "Zwolle", null, 6), "pm");
    UUID project = driver.trainedPool(pool.getId());
    List<PoolMember> experts = driver.pool.pool(project);
    String lapsed = join(project, experts.get(0).expertId());
    String recent = join(project, experts.get(1).expertId());
    jdbc.update(
        "update pool_member set last_project_at = last_project_at - interval '7 months'"
            + " where id = ?::uuid",
        lapsed);

    int ended = membership.endLapsed();

    assertThat(ended).isOne();
    assertThat(
            get("staff", "/api/pools/" + pool.getId() + "/roster")
                .getBody()
                .findValuesAsText("memberId"))
        .containsExactly(recent);
    assertThat(
            jdbc.queryForObject(
                "select name is null and left_at is not null from pool_member where id = ?::uuid",
                Boolean.class,
                lapsed))
        .isTrue();
    assertThat(
            jdbc.queryForObject(
                "select revoked_by from pool_consent where member_id = ?::uuid",
                String.class,
                lapsed))
        .isEqualTo("retention");
    assertThat(audit.about(AuditTrail.pool(pool.getId())))
        .extracting(AuditEvent::action)
        .endsWith("pool.member.lapsed");
    assertThat(membership.endLapsed()).as("a second run ends nothing more").isZero();
  }

  @Test
  void aMembersExportShowsThePoolsCopyAndTheirErasureRemovesIt() {
    var pool =
        pools.create(new NewPool("Almere pool " + UUID.randomUUID(), "Almere", null, null), "pm");
    UUID project = driver.trainedPool(pool.getId());
    var person =
        driver.pool.people(project).stream().filter(p -> p.expertId() != null).findFirst().get();
    String member = join(project, person.expertId());

    JsonNode export = get("pm", "/api/people/" + person.applicationId() + "/export").getBody();

    assertThat(export.path("standingPools")).hasSize(1);
    JsonNode kept = export.path("standingPools").get(0);
    assertThat(kept.path("pool").asText()).isEqualTo(pool.getName());
    assertThat(kept.path("name").asText()).isEqualTo(person.name());
    assertThat(kept.path("consents").asText()).contains("\"method\" : \"paper\"");

    assertThat(delete("pm", "/api/people/" + person.applicationId()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(
            get("staff", "/api/pools/" + pool.getId() + "/roster")
                .getBody()
                .findValuesAsText("memberId"))
        .doesNotContain(member);
    assertThat(
            jdbc.queryForObject(
                "select name is null and email is null and left_at is not null"
                    + " from pool_member where id = ?::uuid",
                Boolean.class,
                member))
        .isTrue();
  }

  @Test
  void aProjectWithoutAPoolAnIdNotOfTheProjectsExpertsAndAnUnknownTextAreRefused() {
    UUID alone = driver.createFor("Gemeente Zwolle");
    var pool =
        pools.create(new NewPool("Zwolle region " + UUID.randomUUID(), "Zwolle", null, null), "pm");
    UUID inPool = driver.create("Pool " + UUID.randomUUID(), 2, null, pool.getId());
    UUID applicant = driver.apply(inPool, "Iryna Bondar");

    var noPool = post("staff", consentPath(alone, UUID.randomUUID()), ON_PAPER);
    var notAnExpert = post("staff", consentPath(inPool, applicant), ON_PAPER);
    var unknownText =
        post(
            "staff",
            consentPath(inPool, UUID.randomUUID()),
            Map.of("textVersion", "v9", "language", "uk", "method", "paper"));

    assertThat(noPool.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(noPool.getBody().path("detail").asText()).contains("no standing pool");
    assertThat(notAnExpert.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknownText.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknownText.getBody().at("/errors/0/field").asText()).isEqualTo("textVersion");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from pool_member where pool_id = ?::uuid",
                Integer.class,
                pool.getId().toString()))
        .isZero();
  }

  private String join(UUID project, UUID expert) {
    var joined = post("staff", consentPath(project, expert), ON_PAPER);
    assertThat(joined.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return joined.getBody().path("memberId").asText();
  }

  private static String consentPath(UUID project, UUID expert) {
    return "/api/projects/" + project + "/experts/" + expert + "/pool-consent";
  }

  private ResponseEntity<JsonNode> post(String user, String path, Object body) {
    return http.exchange(
        path, HttpMethod.POST, new HttpEntity<>(body, headers(user)), JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String user, String path) {
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(user)), JsonNode.class);
  }

  private ResponseEntity<JsonNode> delete(String user, String path) {
    return http.exchange(path, HttpMethod.DELETE, new HttpEntity<>(headers(user)), JsonNode.class);
  }

  private static HttpHeaders headers(String user) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, "demo");
    return headers;
  }
}
