package nl.expertpool.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.expertpool.engine.EngineUnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How failures that are not the request's fault reach an API client. */
class ApiProblemHandlerTest {

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new FailingController())
          .setControllerAdvice(new ApiProblemHandler())
          .build();

  @Test
  void anUnavailableEngineIs503WithAReferenceAndWithoutTheCause() throws Exception {
    mvc.perform(get("/engine-down"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Service Unavailable"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    allOf(
                        containsString("workflow engine is not available"),
                        containsString("reference"),
                        not(containsString("credentials")))));
  }

  @Test
  void anyOtherFailureIsStill500() throws Exception {
    mvc.perform(get("/bug"))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.detail").value(containsString("Something went wrong on our side")));
  }

  @RestController
  static class FailingController {

    @GetMapping("/engine-down")
    String engineDown() {
      throw new EngineUnavailableException(
          "The Camunda REST API refused the app's credentials (401 Unauthorized)", null);
    }

    @GetMapping("/bug")
    String bug() {
      throw new IllegalStateException("a bug");
    }
  }
}
