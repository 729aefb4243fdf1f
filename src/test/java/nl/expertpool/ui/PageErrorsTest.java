package nl.expertpool.ui;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import nl.expertpool.engine.EngineUnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;

/** A page that needs the engine while it is unavailable says so, with 503, not as a bug. */
class PageErrorsTest {

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new EnginePageController())
          .setControllerAdvice(new PageErrors())
          .build();

  @Test
  void anUnavailableEngineGivesTheErrorPageWith503AndAReference() throws Exception {
    mvc.perform(get("/engine-page"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(view().name("page-error"))
        .andExpect(model().attribute("status", 503))
        .andExpect(model().attributeExists("reference"));
  }

  @Controller
  static class EnginePageController {

    @GetMapping("/engine-page")
    String page() {
      throw new EngineUnavailableException("The Camunda REST API did not answer", null);
    }
  }
}
