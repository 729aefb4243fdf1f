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

/**
 * A page says what went wrong: 503 while the engine is unavailable, 400 for an id that is no id.
 */
class PageErrorAdviceTest {

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new EnginePageController())
          .setControllerAdvice(new PageErrorAdvice())
          .build();

  @Test
  void anUnavailableEngineGivesTheErrorPageWith503AndAReference() throws Exception {
    mvc.perform(get("/engine-page"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(view().name("page-error"))
        .andExpect(model().attribute("status", 503))
        .andExpect(model().attributeExists("reference"));
  }

  @Test
  void anIdThatIsNoIdGivesTheErrorPageWith400NotAFailure() throws Exception {
    mvc.perform(get("/tasks-page/abc"))
        .andExpect(status().isBadRequest())
        .andExpect(view().name("page-error"))
        .andExpect(model().attribute("status", 400))
        .andExpect(model().attributeDoesNotExist("reference"));
  }

  @Controller
  static class EnginePageController {

    @GetMapping("/tasks-page/{key}")
    String task(@org.springframework.web.bind.annotation.PathVariable long key) {
      return "tasks/task";
    }

    @GetMapping("/engine-page")
    String page() {
      throw new EngineUnavailableException("The Camunda REST API did not answer", null);
    }
  }
}
