package nl.expertpool.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormSchemaTest {

  /** One of every supported type, in the shapes the Camunda Modeler writes. */
  private static final String SAMPLE =
      """
      {
        "id": "sample",
        "type": "default",
        "schemaVersion": 18,
        "components": [
          { "id": "Text_1", "type": "text", "text": "### Hello {{name}}" },
          { "id": "Separator_1", "type": "separator" },
          { "id": "Spacer_1", "type": "spacer", "height": 30 },
          { "id": "Field_decision", "type": "radio", "key": "decision", "label": "Decision",
            "validate": { "required": true },
            "values": [ { "label": "Extend", "value": "extend" },
                        { "label": "Continue", "value": "continue" },
                        { "label": "Cancel", "value": "cancel" } ] },
          { "id": "Field_days", "type": "number", "key": "days", "label": "Days",
            "defaultValue": 7, "validate": { "min": 1, "max": "90" } },
          { "id": "Field_hours", "type": "number", "key": "hours",
            "validate": { "min": 0.5, "max": 12 } },
          { "id": "Field_note", "type": "textarea", "key": "note",
            "validate": { "maxLength": 10 } },
          { "id": "Field_code", "type": "textfield", "key": "code",
            "validate": { "minLength": 2, "pattern": "^[A-Z]+$" } },
          { "id": "Field_done", "type": "checkbox", "key": "done", "validate": { "required": true } },
          { "id": "Field_urgent", "type": "checkbox", "key": "urgent" },
          { "id": "Field_actions", "type": "checklist", "key": "actions",
            "values": [ { "label": "A", "value": "a" }, { "label": "B", "value": "b" } ] },
          { "id": "Field_tags", "type": "taglist", "key": "tags", "valuesKey": "availableTags" },
          { "id": "Field_size", "type": "select", "key": "size",
            "values": [ { "label": "Small", "value": "s" }, { "label": "Large", "value": "l" } ] },
          { "id": "Field_on", "type": "datetime", "key": "on", "subtype": "date", "dateLabel": "On" },
          { "id": "Field_at", "type": "datetime", "key": "at", "subtype": "time", "timeLabel": "At" },
          { "id": "Field_when", "type": "datetime", "key": "when", "subtype": "datetime" },
          { "id": "Group_plain", "type": "group", "label": "Plain", "components": [
            { "id": "Field_count", "type": "number", "key": "count" } ] },
          { "id": "Group_address", "type": "group", "path": "address", "components": [
            { "id": "Field_city", "type": "textfield", "key": "city", "validate": { "required": true } },
            { "id": "Field_floor", "type": "number", "key": "floor" } ] },
          { "id": "Field_sessions", "type": "dynamiclist", "path": "sessions",
            "isRepeating": true, "allowAddRemove": true, "defaultRepetitions": 2,
            "components": [
              { "id": "Field_label", "type": "textfield", "key": "label", "readonly": true },
              { "id": "Field_startsAt", "type": "datetime", "key": "startsAt", "subtype": "datetime",
                "validate": { "required": true } },
              { "id": "Field_kind", "type": "select", "key": "kind",
                "values": [ { "label": "Online", "value": "online" } ] } ] }
        ]
      }
      """;

  private final FormSchema form = FormSchema.parse(SAMPLE);

  /** A submission that keeps every rule; each test breaks one thing. */
  private static Map<String, Object> valid() {
    var submission = new HashMap<String, Object>();
    submission.put("decision", "extend");
    submission.put("days", 7);
    submission.put("done", true);
    submission.put(
        "sessions",
        List.of(
            Map.of("label", "Session 1", "startsAt", "2026-01-31T10:00"),
            Map.of("startsAt", "2026-02-07T10:00:00+01:00", "kind", "online")));
    submission.put("address", Map.of("city", "Utrecht"));
    return submission;
  }

  private static Map<String, Object> with(String key, Object value) {
    var submission = valid();
    submission.put(key, value);
    return submission;
  }

  private static Map<String, Object> without(String key) {
    var submission = valid();
    submission.remove(key);
    return submission;
  }

  @Test
  void readsTheFormJsPropertiesOfEachComponent() {
    assertThat(form.id()).isEqualTo("sample");
    assertThat(form.components()).hasSize(19);

    FormComponent text = form.components().getFirst();
    assertThat(text.type()).isEqualTo("text");
    assertThat(text.key()).isNull();
    assertThat(text.text()).isEqualTo("### Hello {{name}}");

    FormComponent decision = form.components().get(3);
    assertThat(decision.required()).isTrue();
    assertThat(decision.values())
        .containsExactly(
            new FormComponent.Option("Extend", "extend"),
            new FormComponent.Option("Continue", "continue"),
            new FormComponent.Option("Cancel", "cancel"));

    FormComponent days = form.components().get(4);
    assertThat(days.min()).isEqualByComparingTo("1");
    assertThat(days.max()).isEqualByComparingTo("90");
    assertThat(days.defaultValue()).isEqualTo(7);
    assertThat(days.required()).isFalse();

    FormComponent code = form.components().get(7);
    assertThat(code.minLength()).isEqualTo(2);
    assertThat(code.pattern()).isEqualTo("^[A-Z]+$");

    assertThat(form.components().get(11).valuesKey()).isEqualTo("availableTags");
    assertThat(form.components().get(13).dateLabel()).isEqualTo("On");
    assertThat(form.components().get(14).subtype()).isEqualTo("time");

    FormComponent sessions = form.components().get(18);
    assertThat(sessions.path()).isEqualTo("sessions");
    assertThat(sessions.allowAddRemove()).isTrue();
    assertThat(sessions.defaultRepetitions()).isEqualTo(2);
    assertThat(sessions.components())
        .extracting(FormComponent::key)
        .containsExactly("label", "startsAt", "kind");
    assertThat(sessions.components().getFirst().readonly()).isTrue();
  }

  @Test
  void aDatetimeWithoutSubtypeIsADateAsInFormJs() {
    var form =
        FormSchema.parse(
            """
            { "id": "f", "components": [ { "id": "F", "type": "datetime", "key": "on" } ] }
            """);

    assertThat(form.components().getFirst().subtype()).isEqualTo("date");
    assertThat(form.validate(Map.of("on", "2026-01-31T10:00")))
        .containsExactly(new FieldError("on", "must be a date (ISO-8601)"));
  }

  @Test
  void refusesAnUnsupportedTypeNamingTheFormAndTheType() {
    String json =
        """
        { "id": "with-button", "components": [
          { "id": "Group_1", "type": "group", "components": [
            { "id": "Field_go", "type": "button", "action": "submit" } ] } ] }
        """;

    assertThatThrownBy(() -> FormSchema.parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("with-button")
        .hasMessageContaining("button")
        .hasMessageContaining("not support");
  }

  @Test
  void refusesWhatTheServerCannotEvaluate() {
    assertThatThrownBy(
            () ->
                FormSchema.parse(
                    """
                    { "id": "f", "components": [ { "id": "F", "type": "textfield", "key": "a",
                      "conditional": { "hide": "=b" } } ] }
                    """))
        .hasMessageContaining("hide condition");
    assertThatThrownBy(
            () ->
                FormSchema.parse(
                    """
                    { "id": "f", "components": [ { "id": "F", "type": "select", "key": "a",
                      "valuesExpression": "=options" } ] }
                    """))
        .hasMessageContaining("expression");
    assertThatThrownBy(
            () ->
                FormSchema.parse(
                    """
                    { "id": "f", "components": [ { "id": "F", "type": "number", "key": "a",
                      "validate": { "min": "=lowest" } } ] }
                    """))
        .hasMessageContaining("validate.min");
  }

  @Test
  void refusesFormsWhoseDataHasNoClearShape() {
    assertThatThrownBy(
            () ->
                FormSchema.parse(
                    """
                    { "id": "f", "components": [ { "id": "A", "type": "textfield", "key": "a" },
                      { "id": "B", "type": "group", "components": [
                        { "id": "C", "type": "number", "key": "a" } ] } ] }
                    """))
        .hasMessageContaining("binds 'a'");
    assertThatThrownBy(
            () ->
                FormSchema.parse(
                    """
                    { "id": "f", "components": [ { "id": "L", "type": "dynamiclist",
                      "components": [] } ] }
                    """))
        .hasMessageContaining("no path");
    assertThatThrownBy(
            () ->
                FormSchema.parse(
                    """
                    { "id": "f", "components": [ { "id": "T", "type": "textfield" } ] }
                    """))
        .hasMessageContaining("no key");
    assertThatThrownBy(() -> FormSchema.parse("{ \"components\": [] }"))
        .hasMessageContaining("no id");
    assertThatThrownBy(() -> FormSchema.parse("not json"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fieldsFlattensGroupsButKeepsDynamicListsWhole() {
    assertThat(form.fields())
        .extracting(f -> f.key() != null ? f.key() : f.path())
        .containsExactly(
            "decision",
            "days",
            "hours",
            "note",
            "code",
            "done",
            "urgent",
            "actions",
            "tags",
            "size",
            "on",
            "at",
            "when",
            "count",
            "city",
            "floor",
            "sessions");
  }

  @Test
  void acceptsASubmissionThatKeepsEveryRule() {
    assertThat(form.validate(valid())).isEmpty();
  }

  @Test
  void aRequiredFieldMayNotBeMissingNullBlankOrAnEmptyList() {
    var list =
        FormSchema.parse(
            """
            { "id": "f", "components": [ { "id": "T", "type": "taglist", "key": "tags",
              "validate": { "required": true } } ] }
            """);

    assertThat(form.validate(without("decision")))
        .containsExactly(new FieldError("decision", "is required"));
    assertThat(form.validate(with("decision", null)))
        .containsExactly(new FieldError("decision", "is required"));
    assertThat(form.validate(with("decision", "  ")))
        .containsExactly(new FieldError("decision", "is required"));
    assertThat(list.validate(Map.of("tags", List.of())))
        .containsExactly(new FieldError("tags", "is required"));
  }

  @Test
  void aRequiredCheckboxMustBeTicked() {
    assertThat(form.validate(with("done", false)))
        .containsExactly(new FieldError("done", "is required"));
    assertThat(form.validate(without("done")))
        .containsExactly(new FieldError("done", "is required"));
    assertThat(form.validate(with("urgent", false))).isEmpty();
    assertThat(form.validate(with("urgent", "yes")))
        .containsExactly(new FieldError("urgent", "must be true or false"));
  }

  @Test
  void aNumberIsAJsonNumberOrNumericTextWithinMinAndMax() {
    assertThat(form.validate(with("days", "12"))).isEmpty();
    assertThat(form.validate(with("days", new BigDecimal("90")))).isEmpty();
    assertThat(form.validate(with("days", "twelve")))
        .containsExactly(new FieldError("days", "must be a number"));
    assertThat(form.validate(with("days", true)))
        .containsExactly(new FieldError("days", "must be a number"));
    assertThat(form.validate(with("days", 0)))
        .containsExactly(new FieldError("days", "must be at least 1"));
    assertThat(form.validate(with("days", 90.5)))
        .containsExactly(new FieldError("days", "must be at most 90"));
    assertThat(form.validate(with("hours", 0.25)))
        .containsExactly(new FieldError("hours", "must be at least 0.5"));
    assertThat(form.validate(with("hours", 0.5))).isEmpty();
    assertThat(form.validate(with("days", null))).isEmpty();
  }

  @Test
  void textKeepsItsLengthAndPattern() {
    assertThat(form.validate(with("note", "0123456789"))).isEmpty();
    assertThat(form.validate(with("note", "0123456789!")))
        .containsExactly(new FieldError("note", "must be at most 10 characters"));
    assertThat(form.validate(with("note", 42)))
        .containsExactly(new FieldError("note", "must be text"));
    assertThat(form.validate(with("code", "AB"))).isEmpty();
    assertThat(form.validate(with("code", "A")))
        .containsExactly(new FieldError("code", "must be at least 2 characters"));
    assertThat(form.validate(with("code", "ab")))
        .containsExactly(new FieldError("code", "must match the pattern ^[A-Z]+$"));
  }

  @Test
  void aPatternNeedNotSpanTheWholeTextAsInFormJs() {
    var form =
        FormSchema.parse(
            """
            { "id": "f", "components": [ { "id": "F", "type": "textfield", "key": "ref",
              "validate": { "pattern": "[0-9]" } } ] }
            """);

    assertThat(form.validate(Map.of("ref", "abc1"))).isEmpty();
    assertThat(form.validate(Map.of("ref", "abc")))
        .containsExactly(new FieldError("ref", "must match the pattern [0-9]"));
  }

  @Test
  void aChoiceIsOneOfTheStaticValues() {
    assertThat(form.validate(with("decision", "postpone")))
        .containsExactly(new FieldError("decision", "must be one of extend, continue, cancel"));
    assertThat(form.validate(with("size", "l"))).isEmpty();
    assertThat(form.validate(with("size", "Large")))
        .containsExactly(new FieldError("size", "must be one of s, l"));
  }

  @Test
  void aChecklistHoldsTextFromItsValuesAndATaglistWithRunTimeValuesAnyText() {
    assertThat(form.validate(with("actions", List.of("a", "b")))).isEmpty();
    assertThat(form.validate(with("actions", List.of("a", "c", 3))))
        .containsExactly(
            new FieldError("actions[1]", "must be one of a, b"),
            new FieldError("actions[2]", "must be text"));
    assertThat(form.validate(with("actions", "a")))
        .containsExactly(new FieldError("actions", "must be a list"));
    assertThat(form.validate(with("tags", List.of("anything", "goes")))).isEmpty();
  }

  @Test
  void aDatetimeIsIsoTextOfItsSubtype() {
    assertThat(form.validate(with("on", "2026-01-31"))).isEmpty();
    assertThat(form.validate(with("on", "31-01-2026")))
        .containsExactly(new FieldError("on", "must be a date (ISO-8601)"));
    assertThat(form.validate(with("on", "2026-02-30")))
        .containsExactly(new FieldError("on", "must be a date (ISO-8601)"));
    assertThat(form.validate(with("at", "10:00"))).isEmpty();
    assertThat(form.validate(with("at", "10:00+01:00"))).isEmpty();
    assertThat(form.validate(with("at", "25:00")))
        .containsExactly(new FieldError("at", "must be a time (ISO-8601)"));
    for (String dateTime :
        List.of(
            "2026-01-31T10:00",
            "2026-01-31T10:00:30",
            "2026-01-31T09:00Z",
            "2026-01-31T10:00+01:00")) {
      assertThat(form.validate(with("when", dateTime))).as(dateTime).isEmpty();
    }
    assertThat(form.validate(with("when", "2026-01-31")))
        .containsExactly(new FieldError("when", "must be a date and time (ISO-8601)"));
    assertThat(form.validate(with("when", 1769853600000L)))
        .containsExactly(new FieldError("when", "must be a date and time (ISO-8601)"));
  }

  @Test
  void eachItemOfADynamicListKeepsTheRulesOfItsComponents() {
    var submission =
        with(
            "sessions",
            List.of(
                Map.of("startsAt", "2026-01-31T10:00"),
                Map.of("startsAt", "tomorrow", "kind", "offline"),
                Map.of("label", "Third")));

    assertThat(form.validate(submission))
        .containsExactly(
            new FieldError("sessions[1].startsAt", "must be a date and time (ISO-8601)"),
            new FieldError("sessions[1].kind", "must be one of online"),
            new FieldError("sessions[2].startsAt", "is required"));
  }

  @Test
  void aDynamicListIsAListOfObjectsOrNothing() {
    assertThat(form.validate(without("sessions"))).isEmpty();
    assertThat(form.validate(with("sessions", List.of()))).isEmpty();
    assertThat(form.validate(with("sessions", Map.of("startsAt", "2026-01-31T10:00"))))
        .containsExactly(new FieldError("sessions", "must be a list"));
    assertThat(form.validate(with("sessions", List.of("2026-01-31T10:00"))))
        .containsExactly(new FieldError("sessions[0]", "must be an object"));
  }

  @Test
  void aGroupWithAPathNestsItsValuesAndOneWithoutIsTransparent() {
    assertThat(form.validate(with("count", 3))).isEmpty();
    assertThat(form.validate(with("address", Map.of())))
        .containsExactly(new FieldError("address.city", "is required"));
    assertThat(form.validate(without("address")))
        .containsExactly(new FieldError("address.city", "is required"));
    assertThat(form.validate(with("address", Map.of("city", "Utrecht", "floor", "third"))))
        .containsExactly(new FieldError("address.floor", "must be a number"));
    assertThat(form.validate(with("address", "Utrecht")))
        .containsExactly(new FieldError("address", "must be an object"));
    assertThat(form.validate(with("city", "Utrecht")))
        .containsExactly(new FieldError("city", "is not a field of this form"));
  }

  @Test
  void aDottedKeyNestsItsValueLikeAGroupPath() {
    var form =
        FormSchema.parse(
            """
            { "id": "f", "components": [ { "id": "F", "type": "number", "key": "budget.total",
              "validate": { "required": true } } ] }
            """);

    assertThat(form.validate(Map.of("budget", Map.of("total", 10)))).isEmpty();
    assertThat(form.validate(Map.of()))
        .containsExactly(new FieldError("budget.total", "is required"));
  }

  @Test
  void refusesNamesTheFormDoesNotBindUnlessAllowed() {
    var submission = with("comment", "lost otherwise");
    submission.put("sessions", List.of(Map.of("startsAt", "2026-01-31T10:00", "sessionId", "s-1")));

    assertThat(form.validate(submission))
        .containsExactly(
            new FieldError("sessions[0].sessionId", "is not a field of this form"),
            new FieldError("comment", "is not a field of this form"));
    assertThat(form.validate(with("phaseName", "Recruitment"), Set.of("phaseName"))).isEmpty();
  }

  @Test
  void acceptsReadOnlyValuesAsSubmitted() {
    var submission =
        with("sessions", List.of(Map.of("label", "Session 1", "startsAt", "2026-01-31T10:00")));

    assertThat(form.validate(submission)).isEmpty();
  }

  @Test
  void theEngineGetsOnlyChoicesFlagsAndNumbersOutsideDynamicLists() {
    var submission = valid();
    submission.put("note", "free text stays in the app");
    submission.put("actions", List.of("a"));
    submission.put("size", "s");
    submission.put("hours", "1.5");
    submission.put("address", Map.of("city", "Utrecht", "floor", 2));
    submission.put("urgent", null);

    var variables = form.engineVariables(submission);

    assertThat(variables)
        .containsOnlyKeys("decision", "days", "done", "size", "hours", "address", "urgent")
        .containsEntry("decision", "extend")
        .containsEntry("days", 7)
        .containsEntry("done", true)
        .containsEntry("hours", new BigDecimal("1.5"))
        .containsEntry("address", Map.of("floor", 2))
        .containsEntry("urgent", null);
  }

  @Test
  void choicesFromATaskVariableMustBeAmongThatTasksOptions() {
    var outcome =
        FormSchema.parse(
            """
            {"id": "outcome", "type": "default", "components": [
              {"type": "checklist", "key": "themes", "id": "Field_themes", "valuesKey": "options"},
              {"type": "dynamiclist", "path": "items", "id": "Field_items", "allowAddRemove": true,
               "components": [
                {"type": "select", "key": "theme", "id": "Field_theme", "valuesKey": "options"}]}]}
            """);
    var options =
        Map.of("options", List.of(Map.of("label", "Housing", "value", "housing"), "work"));
    var submission =
        Map.<String, Object>of(
            "themes",
            List.of("housing", "sports"),
            "items",
            List.of(Map.of("theme", "work"), Map.of("theme", "health")));

    assertThat(outcome.validate(submission, Set.of(), options))
        .containsExactly(
            new FieldError("themes[1]", "must be one of housing, work"),
            new FieldError("items[1].theme", "must be one of housing, work"));
    assertThat(outcome.validate(submission, Set.of(), Map.of())).isEmpty();
  }

  /** Issue 17: a submission carried another project's expert into the attendance list. */
  @Test
  void readOnlyValuesKeepTheTasksValuesAndAFixedListKeepsItsRows() {
    var attendance =
        FormSchema.parse(
            """
            {"id": "attendance", "type": "default", "components": [
              {"type": "textfield", "key": "round", "id": "Field_round", "readonly": true},
              {"type": "dynamiclist", "path": "rows", "id": "Field_rows", "allowAddRemove": false,
               "components": [
                {"type": "textfield", "key": "expertId", "id": "Field_expertId", "readonly": true},
                {"type": "number", "key": "minutes", "id": "Field_minutes", "readonly": true},
                {"type": "checkbox", "key": "attended", "id": "Field_attended"}]}]}
            """);
    var task =
        Map.<String, Object>of(
            "round",
            "2",
            "rows",
            List.of(
                Map.of("expertId", "e-1", "minutes", 120, "attended", false),
                Map.of("expertId", "e-2", "minutes", 120, "attended", false)));
    var kept =
        Map.<String, Object>of(
            "round",
            "2",
            "rows",
            List.of(
                Map.of("expertId", "e-1", "minutes", "120", "attended", true),
                Map.of("expertId", "e-2", "minutes", "120.0", "attended", false)));
    assertThat(attendance.validate(kept, Set.of(), task)).isEmpty();

    var foreign =
        Map.<String, Object>of(
            "round",
            "3",
            "rows",
            List.of(
                Map.of("expertId", "e-1", "minutes", 120, "attended", true),
                Map.of("expertId", "e-of-another-project", "minutes", 9999, "attended", true)));
    assertThat(attendance.validate(foreign, Set.of(), task))
        .containsExactly(
            new FieldError("round", "is read-only: it must keep the value the task gave it"),
            new FieldError(
                "rows[1].expertId", "is read-only: it must keep the value the task gave it"),
            new FieldError(
                "rows[1].minutes", "is read-only: it must keep the value the task gave it"));

    var added = new ArrayList<Object>((List<?>) kept.get("rows"));
    added.add(Map.of("expertId", "e-2", "minutes", 120, "attended", true));
    assertThat(attendance.validate(Map.of("round", "2", "rows", added), Set.of(), task))
        .containsExactly(
            new FieldError("rows", "must keep the task's 2 rows: none may be added or removed"));
    assertThat(
            attendance.validate(Map.of("round", "2", "rows", added.subList(0, 1)), Set.of(), task))
        .extracting(FieldError::field)
        .containsExactly("rows");
  }

  @Test
  void readOnlyValuesLeftOutAreTakenFromTheTask() {
    var screening =
        FormSchema.parse(
            """
            {"id": "screening", "type": "default", "components": [
              {"type": "dynamiclist", "path": "rows", "id": "Field_rows", "components": [
                {"type": "textfield", "key": "applicationId", "id": "Field_id", "readonly": true},
                {"type": "textfield", "key": "decision", "id": "Field_decision"}]}]}
            """);
    var task = Map.of("rows", List.of(Map.of("applicationId", "a-1")));
    var submitted = Map.<String, Object>of("rows", List.of(Map.of("decision", "accept")));

    var completed = screening.withTaskValues(submitted, task);

    assertThat(completed)
        .isEqualTo(Map.of("rows", List.of(Map.of("applicationId", "a-1", "decision", "accept"))));
    assertThat(screening.validate(completed, Set.of(), task)).isEmpty();
  }

  @Test
  void aChoiceMarkedPersonalStaysOutOfTheEngine() {
    var profile =
        FormSchema.parse(
            """
            {"id": "profile", "type": "default", "components": [
              {"type": "select", "key": "ageBand", "id": "Field_ageBand",
               "values": [{"label": "18-25", "value": "18-25"}],
               "properties": {"personal": "true"}},
              {"type": "radio", "key": "consent", "id": "Field_consent",
               "values": [{"label": "Given", "value": "given"}]}]}
            """);
    var submission = Map.<String, Object>of("ageBand", "18-25", "consent", "given");

    assertThat(profile.validate(submission)).isEmpty();
    assertThat(profile.engineVariables(submission)).containsOnlyKeys("consent");
  }

  @Test
  void theEngineGetsNumbersTypedAsTextAsNumbers() {
    assertThat(form.engineVariables(with("days", "12"))).containsEntry("days", 12L);
  }

  @Test
  void theEngineNeverGetsAValueTheFormRefuses() {
    assertThatThrownBy(() -> form.engineVariables(with("days", "twelve, I think")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("days must be a number");
  }
}
