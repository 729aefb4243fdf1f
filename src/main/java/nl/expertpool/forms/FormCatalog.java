package nl.expertpool.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every form in {@code forms/}, read once at start. A form that does not parse stops the start, so
 * a broken form never reaches a user halfway through a task.
 */
@Component
public class FormCatalog {

  static final String FORMS = "classpath*:forms/*.form";

  private final Map<String, FormSchema> schemas;
  private final Map<String, JsonNode> trees;

  @Autowired
  FormCatalog(ResourcePatternResolver resources) {
    this(resources, FORMS);
  }

  /** For tests that read forms from elsewhere on the classpath. */
  FormCatalog(ResourcePatternResolver resources, String pattern) {
    var schemas = new TreeMap<String, FormSchema>();
    var trees = new TreeMap<String, JsonNode>();
    for (Resource file : find(resources, pattern)) {
      String fileName = file.getFilename();
      String name = fileName.substring(0, fileName.length() - ".form".length());
      JsonNode tree;
      FormSchema schema;
      try (InputStream in = file.getInputStream()) {
        tree = FormJson.MAPPER.readTree(in);
        schema = FormSchema.parse(tree);
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalStateException("forms/%s: %s".formatted(fileName, e.getMessage()), e);
      }
      if (!name.equals(schema.id())) {
        throw new IllegalStateException(
            "forms/%s: form id '%s' differs from the file name".formatted(fileName, schema.id()));
      }
      if (schemas.putIfAbsent(name, schema) != null) {
        throw new IllegalStateException(
            "forms/%s: two files on the classpath have this name (%s)".formatted(fileName, file));
      }
      trees.put(name, tree);
    }
    this.schemas = Collections.unmodifiableMap(schemas);
    this.trees = Collections.unmodifiableMap(trees);
  }

  private static Resource[] find(ResourcePatternResolver resources, String pattern) {
    try {
      return resources.getResources(pattern);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + pattern, e);
    }
  }

  public Optional<FormSchema> byId(String id) {
    return Optional.ofNullable(schemas.get(id));
  }

  /**
   * The form exactly as in its file, for clients that render it with form-js themselves. A copy:
   * Jackson trees are mutable, and one caller's change must not reach the next.
   */
  public Optional<JsonNode> json(String id) {
    return Optional.ofNullable(trees.get(id)).map(JsonNode::deepCopy);
  }

  /** The ids of all forms, sorted. */
  public Set<String> ids() {
    return schemas.keySet();
  }
}
