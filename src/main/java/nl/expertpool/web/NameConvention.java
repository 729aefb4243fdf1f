package nl.expertpool.web;

/** Names shared between the models, forms and code. */
public final class NameConvention {

  private NameConvention() {}

  /** {@code stakeholder-session} → {@code stakeholderSession}: ids in models to variable names. */
  public static String camelCase(String kebab) {
    String[] parts = kebab.split("-");
    var name = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return name.toString();
  }
}
