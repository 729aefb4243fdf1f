package nl.expertpool.forms;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * Why a submitted value breaks its form, in English with {@code {0}} for what the rule names. Pages
 * in another language look up {@code reason.<code>} in {@code
 * i18n/form-html_<language>.properties}.
 */
enum Reason {
  REQUIRED("is required"),
  NOT_TEXT("must be text"),
  TOO_SHORT("must be at least {0} characters"),
  TOO_LONG("must be at most {0} characters"),
  NO_MATCH("must match the pattern {0}"),
  NOT_A_NUMBER("must be a number"),
  BELOW_MIN("must be at least {0}"),
  ABOVE_MAX("must be at most {0}"),
  NOT_TRUE_OR_FALSE("must be true or false"),
  NOT_AN_OPTION("must be one of {0}"),
  NOT_A_SINGLE_VALUE("must be a single value"),
  NOT_A_LIST("must be a list"),
  NOT_AN_OBJECT("must be an object"),
  NOT_A_FIELD("is not a field of this form"),
  NOT_A_DATE("must be a date (ISO-8601)"),
  NOT_A_TIME("must be a time (ISO-8601)"),
  NOT_A_DATE_AND_TIME("must be a date and time (ISO-8601)"),
  NUL_CHARACTER("must not contain a NUL character"),
  READ_ONLY("is read-only: it must keep the value the task gave it"),
  ROWS_FIXED("must keep the task''s {0} rows: none may be added or removed");

  private final String english;

  Reason(String english) {
    this.english = english;
  }

  /** The code in the messages: the name in kebab case, like {@code not-a-number}. */
  String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  String english(List<String> arguments) {
    return new MessageFormat(english, Locale.ROOT).format(arguments.toArray());
  }
}
