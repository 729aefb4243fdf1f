package nl.expertpool;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables a Java source names in SQL or JPQL: in its string literals (adjacent literals joined
 * with {@code +} read as one) and in {@code @Table} and {@code @CollectionTable} names.
 */
final class SqlTables {

  private static final Pattern LITERAL =
      Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:\\\\.|[^\"\\\\\\n])*)\"", Pattern.DOTALL);
  private static final Pattern JOINED = Pattern.compile("\\s*\\+\\s*");
  private static final Pattern KEYWORD =
      Pattern.compile(
          "\\b(?:from|update|into|join|table|truncate)\\s+(?:only\\s+|if\\s+(?:not\\s+)?exists\\s+)?"
              + "([A-Za-z_][A-Za-z0-9_]*)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern MORE_IN_FROM =
      Pattern.compile(
          "(?:\\s+(?:as\\s+)?(?!join\\b|where\\b|on\\b|left\\b|inner\\b|group\\b|order\\b)"
              + "[A-Za-z_][A-Za-z0-9_]*)?\\s*,\\s*([A-Za-z_][A-Za-z0-9_]*)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TABLE_ANNOTATION =
      Pattern.compile("@(?:Table|CollectionTable|JoinTable)\\s*\\(\\s*name\\s*=\\s*\"([a-z_]+)\"");

  private SqlTables() {}

  /** Every known table that the source names. */
  static Set<String> named(String source, Set<String> tables) {
    Set<String> named = new LinkedHashSet<>();
    for (String statement : statements(source)) {
      Matcher keyword = KEYWORD.matcher(statement);
      while (keyword.find()) {
        add(keyword.group(1), tables, named);
        Matcher more = MORE_IN_FROM.matcher(statement);
        for (int at = keyword.end();
            more.region(at, statement.length()).lookingAt();
            at = more.end()) {
          add(more.group(1), tables, named);
        }
      }
    }
    Matcher annotation = TABLE_ANNOTATION.matcher(source);
    while (annotation.find()) {
      add(annotation.group(1), tables, named);
    }
    return named;
  }

  /** The string literals of a source, adjacent ones joined by {@code +} read as one. */
  static List<String> statements(String source) {
    List<String> statements = new ArrayList<>();
    Matcher literal = LITERAL.matcher(source);
    StringBuilder current = null;
    int end = -1;
    while (literal.find()) {
      String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
      if (current != null && JOINED.matcher(source.substring(end, literal.start())).matches()) {
        current.append(text);
      } else {
        if (current != null) {
          statements.add(current.toString());
        }
        current = new StringBuilder(text);
      }
      end = literal.end();
    }
    if (current != null) {
      statements.add(current.toString());
    }
    return statements;
  }

  /** A table name, or a JPQL entity name in snake case. */
  private static void add(String word, Set<String> tables, Set<String> named) {
    String table = word.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    if (tables.contains(table)) {
      named.add(table);
    }
  }
}
