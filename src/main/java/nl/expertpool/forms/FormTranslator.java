package nl.expertpool.forms;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.expertpool.forms.FormComponent.Option;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What a task page says, in the page's language. The forms' own words (labels, descriptions,
 * placeholders, options, text) come from {@code i18n/forms_<language>.properties}; the renderer's
 * buttons and the reasons of refused values from {@code i18n/form-html_<language>.properties}.
 * English needs no file: it is what the forms and the code say themselves, and what shows for
 * anything a translation lacks.
 *
 * <p>A form's keys are {@code <formId>.<name>.<property>}, the name being the component's key, or
 * its id when it binds none (text, groups, dynamic lists): {@code
 * screen-candidates.decision.label}, {@code screen-candidates.Text_heading.text}. The property is
 * one of {@link #PROPERTIES}; an option's label is {@code <formId>.<name>.option.<value>}.
 */
final class FormTranslator {

  /** The translatable properties of a component, as named in form-js and in the keys. */
  static final List<String> PROPERTIES =
      List.of("label", "description", "placeholder", "text", "dateLabel", "timeLabel");

  private static final ResourceBundleMessageSource FORMS = bundle("i18n/forms");
  private static final ResourceBundleMessageSource PAGE = bundle("i18n/form-html");

  static final FormTranslator ENGLISH = new FormTranslator(Locale.ENGLISH);

  private final Locale locale;

  private FormTranslator(Locale locale) {
    this.locale = locale;
  }

  static FormTranslator in(Locale locale) {
    return locale == null ? ENGLISH : new FormTranslator(locale);
  }

  private static ResourceBundleMessageSource bundle(String basename) {
    var bundle = new ResourceBundleMessageSource();
    bundle.setBasename(basename);
    bundle.setDefaultEncoding("UTF-8");
    // No English file: on a server whose own locale is Dutch, English pages must stay English.
    bundle.setFallbackToSystemLocale(false);
    return bundle;
  }

  /** The name a component's keys start with: its key, or its id when it binds none. */
  static String name(FormComponent component) {
    return component.key() != null ? component.key() : component.id();
  }

  static String key(String formId, FormComponent component, String property) {
    return formId + "." + name(component) + "." + property;
  }

  static String optionKey(String formId, FormComponent component, String value) {
    return formId + "." + name(component) + ".option." + value;
  }

  /** The form in this language: every text looked up, the form's own where there is none. */
  FormSchema translate(FormSchema form) {
    return new FormSchema(form.id(), translate(form.id(), form.components()));
  }

  private List<FormComponent> translate(String formId, List<FormComponent> components) {
    var translated = new ArrayList<FormComponent>();
    for (FormComponent c : components) {
      if (name(c) == null) {
        translated.add(c);
        continue;
      }
      var options = new ArrayList<Option>();
      for (Option option : c.values()) {
        String label =
            option.label() == null
                ? null
                : form(optionKey(formId, c, option.value()), option.label());
        options.add(new Option(label, option.value()));
      }
      translated.add(
          c.withTexts(
              form(key(formId, c, "label"), c.label()),
              form(key(formId, c, "description"), c.description()),
              form(key(formId, c, "placeholder"), c.placeholder()),
              form(key(formId, c, "text"), c.text()),
              form(key(formId, c, "dateLabel"), c.dateLabel()),
              form(key(formId, c, "timeLabel"), c.timeLabel()),
              options,
              translate(formId, c.components())));
    }
    return translated;
  }

  /** A text the form has, in this language; a text the form lacks stays absent. */
  private String form(String key, String english) {
    return english == null || isEnglish() ? english : FORMS.getMessage(key, null, english, locale);
  }

  /** English is the forms' and the code's own language: there is no file to look in. */
  private boolean isEnglish() {
    return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
  }

  /**
   * One of the renderer's own texts.
   *
   * @param english the text in English, with {@code {0}} for the arguments (no apostrophes)
   */
  String page(String code, String english, Object... arguments) {
    return isEnglish()
        ? new MessageFormat(english, locale).format(arguments)
        : PAGE.getMessage(code, arguments, english, locale);
  }

  /** The reason of an error, like "is required"; in English when it has no code. */
  String reason(FieldError error) {
    if (error.code() == null || isEnglish()) {
      return error.reason();
    }
    // Not the English as the default message: that would be read as a pattern, braces and all.
    String translated =
        PAGE.getMessage("reason." + error.code(), error.arguments().toArray(), null, locale);
    return translated == null ? error.reason() : translated;
  }

  /** The field and the reason as one sentence, like {@link FieldError#message()}. */
  String message(FieldError error) {
    return error.field() + " " + reason(error);
  }
}
