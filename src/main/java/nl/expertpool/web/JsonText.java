package nl.expertpool.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON for {@code jsonb} columns. The values are the app's own, so a failure is a bug, not bad
 * input: it surfaces as an {@link IllegalStateException}.
 */
public final class JsonText {

  private JsonText() {}

  public static String write(ObjectMapper json, Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON", e);
    }
  }

  public static <T> T read(ObjectMapper json, String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read JSON", e);
    }
  }
}
