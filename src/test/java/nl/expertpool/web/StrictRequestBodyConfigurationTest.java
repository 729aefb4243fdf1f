package nl.expertpool.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the API's JSON reader refuses rather than guesses at. */
class StrictRequestBodyConfigurationTest {

  record Plan(String name, Integer experts, Boolean consent, LocalDate start) {}

  private final ObjectMapper json =
      StrictRequestBodyConfiguration.strict(
          new ObjectMapper().registerModule(new JavaTimeModule()));

  @Test
  void aPlainBodyIsReadAsWritten() throws JsonProcessingException {
    assertThat(
            json.readValue(
                "{\"name\":\"Pool\",\"experts\":3,\"consent\":true,\"start\":\"2026-12-01\"}",
                Plan.class))
        .isEqualTo(new Plan("Pool", 3, true, LocalDate.of(2026, 12, 1)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"experts\":1.5}", // a fraction of an expert, formerly read as 1
        "{\"name\":42}", // a number where text belongs, formerly "42"
        "{\"name\":false}",
        "{\"consent\":1}", // formerly true
        "{\"start\":20260101}", // formerly day 20260101 after 1970: the year 57446
        "{\"name\":\"a\",\"name\":\"b\"}", // formerly the last one
        "{\"name\":\"a\"}}", // formerly the first object, the rest ignored
        "{\"name\":\"a\"} {\"name\":\"b\"}",
        "{\"nme\":\"a\"}"
      })
  void aBodyThatMustBeGuessedAtIsRefused(String body) {
    assertThatThrownBy(() -> json.readValue(body, Plan.class))
        .isInstanceOf(JsonProcessingException.class);
  }
}
