package nl.expertpool.tasks;

import java.util.function.Predicate;
import nl.expertpool.engine.UserTask;
import nl.expertpool.security.CurrentUser;

/**
 * Narrows the tasks a user's candidate groups offer them to those that are theirs, by what the app
 * knows and the engine must not (e.g. which expert a signed-in user is). Applies to the inbox, to
 * reading a task, and so to claiming and completing it.
 */
public interface TaskAudience {

  /** Which tasks this user may see, among those offered to one of their groups. */
  Predicate<UserTask> visibleTo(CurrentUser user);
}
