package nl.expertpool.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** Refusals before a controller runs are problems too, and a large body never reaches one. */
class ServletProblemFilterTest {

  private final ServletProblemFilter filter = new ServletProblemFilter(DataSize.ofKilobytes(1));

  @Test
  void aBodyOverTheLimitIs413AndReachesNoEndpoint() throws Exception {
    var request = new MockHttpServletRequest("POST", "/api/projects/1/cancellation");
    request.setContentType("application/json");
    request.setContent(new byte[1025]);
    var response = new MockHttpServletResponse();
    var reached = new AtomicBoolean();

    filter.doFilter(request, response, (req, res) -> reached.set(true));

    assertThat(reached).isFalse();
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString()).contains("\"status\":413", "larger than 1 KB");
  }

  @Test
  void aChunkedBodyIsMeasuredByReadingItAndStillReadableAfter() throws Exception {
    var small = new MockHttpServletRequest("POST", "/api/dev/clock");
    small.addHeader("Transfer-Encoding", "chunked");
    small.setContentType("application/json");
    small.setContent("{\"advance\":\"P1D\"}".getBytes());
    // MockHttpServletRequest reports the content's length; a chunked request has none.
    var chunked =
        new jakarta.servlet.http.HttpServletRequestWrapper(small) {
          @Override
          public long getContentLengthLong() {
            return -1;
          }
        };
    var seen = new StringBuilder();

    filter.doFilter(
        chunked,
        new MockHttpServletResponse(),
        (req, res) -> seen.append(new String(req.getInputStream().readAllBytes())));

    assertThat(seen).hasToString("{\"advance\":\"P1D\"}");
  }

  /** Issue 17: a form of another site cancelled a project with the browser's remembered login. */
  @Test
  void aCallThatChangesSomethingWithoutJsonIs415AndReachesNoEndpoint() throws Exception {
    for (String type :
        java.util.Arrays.asList(
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "text/plain",
            null)) {
      for (String method : java.util.List.of("POST", "PUT", "DELETE", "PATCH")) {
        var request = new MockHttpServletRequest(method, "/api/projects/1/cancellation");
        if (type != null) {
          request.setContentType(type);
        }
        var response = new MockHttpServletResponse();
        var reached = new AtomicBoolean();

        filter.doFilter(request, response, (req, res) -> reached.set(true));

        assertThat(reached).as(method + " " + type).isFalse();
        assertThat(response.getStatus()).as(method + " " + type).isEqualTo(415);
        assertThat(response.getContentType()).startsWith("application/problem+json");
      }
    }
    for (String type :
        java.util.List.of(
            "application/json",
            "application/json; charset=UTF-8",
            "application/merge-patch+json")) {
      var request = new MockHttpServletRequest("POST", "/api/projects/1/cancellation");
      request.setContentType(type);
      var reached = new AtomicBoolean();
      filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> reached.set(true));
      assertThat(reached).as(type).isTrue();
    }
    var read = new AtomicBoolean();
    filter.doFilter(
        new MockHttpServletRequest("GET", "/api/projects"),
        new MockHttpServletResponse(),
        (req, res) -> read.set(true));
    assertThat(read).as("a GET needs no body type").isTrue();
  }

  @Test
  void anErrorAFilterSendsIsAProblemNotTheContainersPage() throws Exception {
    var response = new MockHttpServletResponse();

    filter.doFilter(
        new MockHttpServletRequest("GET", "/api/projects"),
        response,
        (req, res) -> ((HttpServletResponse) res).sendError(401, "Unauthorized"));

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString()).contains("\"title\":\"Unauthorized\"", "HTTP Basic");
    assertThat(response.getErrorMessage()).isNull(); // no error page was asked for
  }

  @Test
  void pagesAreLeftAlone() throws Exception {
    var request = new MockHttpServletRequest("POST", "/tasks/1");
    request.setContent(new byte[2048]);
    var chain = new MockFilterChain();

    filter.doFilter(request, new MockHttpServletResponse(), chain);

    assertThat(chain.getRequest()).isSameAs(request);
  }
}
