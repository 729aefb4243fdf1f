package nl.expertpool.tasks;

import java.util.List;
import java.util.Map;
import nl.expertpool.engine.UserTask;
import nl.expertpool.forms.FieldError;

/**
 * What a module knows about a submission beyond its form: a rule that only the data behind the task
 * can check (accepting a candidate whose application is not confirmed). Its refusals come back as
 * 400 naming the field, like the form's own.
 */
public interface TaskSubmissionRule {

  boolean supports(String formId);

  /** Why the submission cannot complete the task; empty when it can. */
  List<FieldError> problems(UserTask task, Map<String, Object> submission);
}
