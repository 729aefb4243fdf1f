package nl.expertpool.forms;

import static nl.expertpool.forms.FieldHtml.escape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.expertpool.forms.FormComponent.Option;
import org.springframework.stereotype.Component;

/**
 * Renders a Camunda form as the fields of a server-rendered task page: what Tasklist would show,
 * without JavaScript. Inputs are named by their path in the submission ({@code overdueDecision},
 * {@code address.city}, {@code candidates[0].decision}), the paths {@link FieldError} uses, so that
 * {@link FormSubmission#read} turns the posted page into the submission {@link FormSchema#validate}
 * checks and each error shows next to its input.
 *
 * <p>The HTML is a fragment for inside the page's own {@code <form>}. Dynamic lists that allow it
 * get "Add row" and "Remove" buttons, plain submit buttons named {@link FormSubmission#ADD} and
 * {@link FormSubmission#REMOVE}; the fragment then begins with a hidden submit button without a
 * name, so that Enter in a text input submits the page instead of removing a row. Hidden {@code
 * _present} inputs tell the reader which checkboxes, choices and lists were on the page, since a
 * browser posts nothing for an unticked box.
 *
 * <p>The page speaks the user's language: the form's words, the buttons and the reasons of errors
 * come from {@link FormTranslator}, in English where a translation lacks them.
 */
@Component
public class FormHtml {

  private static final Object ABSENT = new Object();

  /** The fields of the form in English, as {@link #render(FormSchema, Map, Map, List, Locale)}. */
  public String render(
      FormSchema form,
      Map<String, ?> values,
      Map<String, ?> taskVariables,
      List<FieldError> errors) {
    return render(form, values, taskVariables, errors, Locale.ENGLISH);
  }

  /**
   * The fields of the form, with the errors of a refused submission.
   *
   * @param values what the inputs show, nested as in a submission: the task's data, or what the
   *     user sent so that nothing typed is lost. A field absent here shows its default value; a
   *     field present as null shows empty.
   * @param taskVariables where options with a {@code valuesKey} and the {@code {{name}}} templates
   *     of text components take their values from
   * @param errors shown next to the input they name, or, when they name none, listed at the top
   * @param locale the page's language; English when null
   */
  public String render(
      FormSchema form,
      Map<String, ?> values,
      Map<String, ?> taskVariables,
      List<FieldError> errors,
      Locale locale) {
    var texts = FormTranslator.in(locale);
    var page = new Page(taskVariables, errors, texts);
    page.components(texts.translate(form).components(), values, "");
    return page.html();
  }

  private static final class Page {

    private final StringBuilder body = new StringBuilder();
    private final Map<String, ?> taskVariables;
    private final List<FieldError> unclaimed;
    private final FormTranslator texts;
    private boolean rowButtons;

    Page(Map<String, ?> taskVariables, List<FieldError> errors, FormTranslator texts) {
      this.taskVariables = taskVariables == null ? Map.of() : taskVariables;
      this.unclaimed = new ArrayList<>(errors == null ? List.of() : errors);
      this.texts = texts;
    }

    String html() {
      var html = new StringBuilder();
      if (!unclaimed.isEmpty()) {
        html.append("<div class=\"form-errors\" role=\"alert\">\n<ul>\n");
        for (FieldError error : unclaimed) {
          html.append("<li>").append(escape(texts.message(error))).append("</li>\n");
        }
        html.append("</ul>\n</div>\n");
      }
      if (rowButtons) {
        // Enter in a text input presses the form's first submit button; it must not be "Remove".
        html.append("<button type=\"submit\" class=\"default-submit\" hidden></button>\n");
      }
      return html.append(body).toString();
    }

    void components(List<FormComponent> components, Object scope, String prefix) {
      for (FormComponent component : components) {
        switch (component.type()) {
          case "text" ->
              body.append("<div class=\"text\">\n")
                  .append(Markdown.html(component.text(), taskVariables))
                  .append("</div>\n");
          case "separator" -> body.append("<hr>\n");
          case "spacer" -> body.append("<div class=\"spacer\"></div>\n");
          case "group" -> group(component, scope, prefix);
          case "dynamiclist" -> list(component, scope, prefix);
          default -> {
            if (!component.isInput()) {
              throw new IllegalStateException("No HTML for form-js type " + component.type());
            }
            field(component, scope, prefix);
          }
        }
      }
    }

    private void group(FormComponent group, Object scope, String prefix) {
      boolean nests = group.path() != null && !group.path().isBlank();
      body.append("<fieldset class=\"group\"");
      if (nests) {
        body.append(" data-key=\"").append(escape(join(prefix, group.path()))).append('"');
      }
      body.append(">\n");
      if (group.label() != null) {
        body.append("<legend>").append(escape(group.label())).append("</legend>\n");
      }
      if (nests) {
        components(group.components(), lookup(scope, group.path()), join(prefix, group.path()));
      } else {
        components(group.components(), scope, prefix);
      }
      body.append("</fieldset>\n");
    }

    private void list(FormComponent list, Object scope, String prefix) {
      String name = join(prefix, list.path());
      List<?> rows = rows(list, lookup(scope, list.path()));
      body.append("<fieldset class=\"dynamic-list\" data-key=\"")
          .append(escape(name))
          .append("\">\n");
      if (list.label() != null) {
        body.append("<legend>").append(escape(list.label())).append("</legend>\n");
      }
      body.append("<input type=\"hidden\" name=\"")
          .append(FieldHtml.PRESENT)
          .append("\" value=\"")
          .append(escape(name))
          .append("\">\n");
      String listLabel = list.label() == null ? list.path() : list.label();
      for (int i = 0; i < rows.size(); i++) {
        String row = "%s[%d]".formatted(name, i);
        String rowLabel = listLabel + " " + (i + 1);
        body.append("<div class=\"row\" role=\"group\" data-key=\"")
            .append(escape(row))
            .append("\" aria-label=\"")
            .append(escape(rowLabel))
            .append("\">\n");
        components(list.components(), rows.get(i), row);
        if (list.allowAddRemove()) {
          rowButton(
              FormSubmission.REMOVE,
              row,
              texts.page("button.remove", "Remove"),
              texts.page("button.remove.label", "Remove {0}", rowLabel));
        }
        body.append("</div>\n");
      }
      if (list.allowAddRemove()) {
        rowButton(
            FormSubmission.ADD,
            name,
            texts.page("button.add", "Add row"),
            texts.page("button.add.label", "Add a row to {0}", listLabel));
      }
      body.append("</fieldset>\n");
    }

    /** The rows to show: the list's items, or its default number of empty rows when it has none. */
    private static List<?> rows(FormComponent list, Object value) {
      if (value instanceof List<?> items) {
        return items;
      }
      int repetitions = list.defaultRepetitions() == null ? 0 : list.defaultRepetitions();
      return Collections.nCopies(Math.max(0, repetitions), Map.of());
    }

    private void rowButton(String action, String target, String text, String label) {
      rowButtons = true;
      // formnovalidate: adding a row must not wait until every required field is filled in.
      body.append("<button type=\"submit\" class=\"row-button\" name=\"")
          .append(action)
          .append("\" value=\"")
          .append(escape(target))
          .append("\" aria-label=\"")
          .append(escape(label))
          .append("\" formnovalidate>")
          .append(escape(text))
          .append("</button>\n");
    }

    private void field(FormComponent field, Object scope, String prefix) {
      String name = join(prefix, field.key());
      Object value = lookup(scope, field.key());
      if (value == ABSENT) {
        value = field.defaultValue();
      }
      FieldHtml.write(body, field, name, value, options(field), claim(name), texts);
    }

    private List<Option> options(FormComponent field) {
      if (field.hasStaticValues()) {
        return field.values();
      }
      var options = new ArrayList<Option>();
      if (taskVariables.get(field.valuesKey()) instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof Map<?, ?> map) {
            Object value = map.get("value");
            Object label = map.get("label");
            if (value != null) {
              options.add(
                  new Option(label == null ? null : String.valueOf(label), String.valueOf(value)));
            }
          } else if (item != null) {
            options.add(new Option(String.valueOf(item), String.valueOf(item)));
          }
        }
      }
      return options;
    }

    /** The errors about the input of this name, or about one item of its value. */
    private List<FieldError> claim(String name) {
      var claimed = new ArrayList<FieldError>();
      for (Iterator<FieldError> it = unclaimed.iterator(); it.hasNext(); ) {
        FieldError error = it.next();
        if (error.field().equals(name) || error.field().startsWith(name + "[")) {
          claimed.add(error);
          it.remove();
        }
      }
      return claimed;
    }
  }

  /** The value at a dotted key below the scope, or {@link #ABSENT} when there is none. */
  private static Object lookup(Object scope, String dotted) {
    Object current = scope;
    for (String segment : dotted.split("\\.")) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(segment)) {
        return ABSENT;
      }
      current = map.get(segment);
    }
    return current;
  }

  private static String join(String prefix, String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }
}
