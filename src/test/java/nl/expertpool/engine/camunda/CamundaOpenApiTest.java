package nl.expertpool.engine.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;

/**
 * The contract tests' yardstick: Camunda's 8.8 OpenAPI document refuses what the cluster would
 * refuse, so that neither the adapter's requests nor the fake's answers can drift from it.
 */
class CamundaOpenApiTest {

  private static final String TASKS = "/v2/user-tasks/search";

  @Test
  void aTaskSearchAsTheAdapterSendsItConforms() {
    assertThat(
            CamundaOpenApi.checkRequest(
                "POST",
                TASKS,
                null,
                """
                {"filter": {"state": {"$in": ["CREATED", "ASSIGNING"]},
                            "candidateGroup": {"$in": ["staff"]},
                            "processInstanceVariables": [{"name": "projectId", "value": "\\"p-1\\""}]},
                 "sort": [{"field": "creationDate", "order": "ASC"}],
                 "page": {"limit": 100}}
                """,
                "Bearer token"))
        .isEmpty();
  }

  @Test
  void aSortFieldTheDocumentDoesNotListIsRefused() {
    assertThat(
            CamundaOpenApi.checkRequest(
                "POST", TASKS, null, "{\"sort\": [{\"field\": \"projectId\"}]}", null))
        .singleElement()
        .asString()
        .contains("/sort/0/field")
        .contains("projectId")
        .contains("creationDate");
  }

  @Test
  void aMissingRequiredFieldAWrongStateAndAnUnknownTopLevelPropertyAreRefused() {
    assertThat(
            CamundaOpenApi.checkRequest(
                "POST", TASKS, null, "{\"sort\": [{\"order\": \"ASC\"}]}", null))
        .anySatisfy(finding -> assertThat(finding).contains("field"));
    assertThat(
            CamundaOpenApi.checkRequest(
                "POST", TASKS, null, "{\"filter\": {\"state\": {\"$in\": [\"OPEN\"]}}}", null))
        .anySatisfy(finding -> assertThat(finding).contains("OPEN"));
    assertThat(CamundaOpenApi.checkRequest("POST", TASKS, null, "{\"size\": 10}", null))
        .anySatisfy(finding -> assertThat(finding).contains("size"));
    assertThat(CamundaOpenApi.checkRequest("POST", "/v2/user-tasks/query", null, "{}", null))
        .isNotEmpty();
  }

  @Test
  void anAnswerWithANullWhereTheDocumentWantsAStringOrAnUnpaddedCursorIsRefused() {
    String task =
        """
        {"userTaskKey": "2251799813685249", "state": "CREATED", "assignee": %s}
        """;
    String page = "{\"items\": [%s], \"page\": {\"totalItems\": 1, \"endCursor\": \"%s\"}}";

    assertThat(
            CamundaOpenApi.checkResponse(
                "POST",
                TASKS,
                200,
                "application/json",
                page.formatted(task.formatted("\"anna\""), "eyJrZXkiOiIxIn0=")))
        .isEmpty();
    assertThat(
            CamundaOpenApi.checkResponse(
                "POST",
                TASKS,
                200,
                "application/json",
                page.formatted(task.formatted("null"), "eyJrZXkiOiIxIn0=")))
        .singleElement()
        .asString()
        .contains("/items/0/assignee");
    assertThat(
            CamundaOpenApi.checkResponse(
                "POST",
                TASKS,
                200,
                "application/json",
                page.formatted(task.formatted("\"anna\""), "eyJrZXkiOiIxIn0")))
        .isNotEmpty();
  }

  @Test
  void theFakeRefusesAWrongRequestAsTheClusterWouldAndRecordsIt() throws Exception {
    try (var api = new FakeCamundaApi();
        var http = HttpClient.newHttpClient()) {
      var badSort =
          http.send(
              post(api, TASKS, "{\"sort\": [{\"field\": \"projectId\"}]}"),
              BodyHandlers.ofString());
      var badOperator =
          http.send(
              post(api, TASKS, "{\"filter\": {\"assignee\": {\"$startsWith\": \"an\"}}}"),
              BodyHandlers.ofString());
      var unknownProperty =
          http.send(
              post(api, TASKS, "{\"filter\": {\"projectId\": \"p-1\"}}"), BodyHandlers.ofString());

      assertThat(badSort.statusCode()).isEqualTo(400);
      assertThat(badSort.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(badSort.body()).contains("projectId");
      assertThat(badOperator.statusCode()).isEqualTo(400);
      assertThat(badOperator.body()).contains("$startsWith");
      assertThat(unknownProperty.statusCode()).isEqualTo(400);
      assertThat(unknownProperty.body()).contains("projectId");
      // What the document itself refuses fails the test that let it through, unless taken.
      assertThat(api.takeViolations())
          .hasSize(3)
          .anySatisfy(finding -> assertThat(finding).contains("/sort/0/field"))
          .anySatisfy(finding -> assertThat(finding).contains("$startsWith"))
          .anySatisfy(finding -> assertThat(finding).contains("projectId"));
      assertThat(api.requests()).hasSize(3);
    }
  }

  private static HttpRequest post(FakeCamundaApi api, String path, String body) {
    return HttpRequest.newBuilder(URI.create(api.address() + path))
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body))
        .build();
  }
}
