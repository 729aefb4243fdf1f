package nl.expertpool.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A request body is read as written or refused (400 naming the field), never guessed at: a field
 * the endpoint does not know (a typo such as {@code targetExpert} must not fall back to a default),
 * a field given twice, anything after the JSON, a fraction where a whole number belongs ({@code
 * 1.5} experts), a number or true/false where text belongs, a number where true/false belongs (a
 * consent of {@code 1}), a number where a date belongs (read as days since 1970), and text with a
 * NUL character (which PostgreSQL cannot store), wherever it is, untyped values such as a task's
 * variables included. Only the web layer is strict; the engine client keeps its own, tolerant JSON
 * mapper.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestBodyConfiguration implements WebMvcConfigurer {

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    for (HttpMessageConverter<?> converter : converters) {
      if (converter instanceof MappingJackson2HttpMessageConverter json) {
        json.setObjectMapper(strict(json.getObjectMapper().copy()));
      }
    }
  }

  static ObjectMapper strict(ObjectMapper json) {
    json.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .setDefaultLeniency(false);
    var text = json.coercionConfigFor(LogicalType.Textual);
    for (var shape :
        List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
      text.setCoercion(shape, CoercionAction.Fail);
    }
    json.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    var noNul = new SimpleModule("text-without-nul");
    noNul.addDeserializer(String.class, new TextWithoutNul());
    noNul.addDeserializer(Object.class, new UntypedWithoutNul());
    json.registerModule(noNul);
    return json;
  }

  /** Text with a NUL character, refused as 400 naming the field. */
  static final class NulInText extends JsonMappingException {
    NulInText(JsonParser parser) {
      super(parser, "Text must not contain a NUL character");
    }
  }

  private static final class TextWithoutNul extends StdScalarDeserializer<String> {

    TextWithoutNul() {
      super(String.class);
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Textual;
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String text = StringDeserializer.instance.deserialize(parser, context);
      if (text != null && text.indexOf('\0') >= 0) {
        throw new NulInText(parser);
      }
      return text;
    }
  }

  /**
   * Maps, lists and scalars where the type is open (a task's variables), read as Jackson reads them
   * and refused when a text or a key holds a NUL character, with the path to it.
   */
  private static final class UntypedWithoutNul extends StdDeserializer<Object> {

    UntypedWithoutNul() {
      super(Object.class);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      JsonToken token = parser.currentToken();
      return switch (token) {
        case START_OBJECT, FIELD_NAME, END_OBJECT -> object(parser, context);
        case START_ARRAY -> array(parser, context);
        case VALUE_STRING -> text(parser);
        case VALUE_NUMBER_INT ->
            context.isEnabled(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                ? parser.getBigIntegerValue()
                : parser.getNumberValue();
        case VALUE_NUMBER_FLOAT ->
            context.isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                ? parser.getDecimalValue()
                : parser.getNumberValue();
        case VALUE_TRUE -> Boolean.TRUE;
        case VALUE_FALSE -> Boolean.FALSE;
        case VALUE_NULL -> null;
        case VALUE_EMBEDDED_OBJECT -> parser.getEmbeddedObject();
        default -> context.handleUnexpectedToken(Object.class, parser);
      };
    }

    private Map<String, Object> object(JsonParser parser, DeserializationContext context)
        throws IOException {
      var object = new LinkedHashMap<String, Object>();
      String key =
          parser.currentToken() == JsonToken.START_OBJECT
              ? parser.nextFieldName()
              : parser.currentToken() == JsonToken.FIELD_NAME ? parser.currentName() : null;
      while (key != null) {
        if (key.indexOf('\0') >= 0) {
          throw new NulInText(parser);
        }
        parser.nextToken();
        try {
          object.put(key, deserialize(parser, context));
        } catch (NulInText e) {
          e.prependPath(object, key);
          throw e;
        }
        key = parser.nextFieldName();
      }
      return object;
    }

    private List<Object> array(JsonParser parser, DeserializationContext context)
        throws IOException {
      var array = new ArrayList<Object>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        try {
          array.add(deserialize(parser, context));
        } catch (NulInText e) {
          e.prependPath(array, array.size());
          throw e;
        }
      }
      return array;
    }

    private static String text(JsonParser parser) throws IOException {
      String text = parser.getText();
      if (text.indexOf('\0') >= 0) {
        throw new NulInText(parser);
      }
      return text;
    }
  }
}
