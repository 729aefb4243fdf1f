package nl.expertpool.recruitment;

import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import nl.expertpool.engine.UserTask;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.Role;
import nl.expertpool.tasks.TaskAudience;
import org.springframework.stereotype.Component;

/**
 * An expert sees only their own tasks: those of an expert linked to their account. Staff and
 * project managers, who record interviews on an expert's behalf, see them all.
 */
@Component
class OwnTaskAudience implements TaskAudience {

  static final String EXPERT_VARIABLE = "expertId";

  private final ExpertAccess accounts;

  OwnTaskAudience(ExpertAccess accounts) {
    this.accounts = accounts;
  }

  @Override
  public Predicate<UserTask> visibleTo(CurrentUser user) {
    if (!user.is(Role.EXPERT) || user.isProjectManager() || user.is(Role.STAFF)) {
      return task -> true;
    }
    Set<String> own =
        accounts.expertIdsOf(user.name()).stream()
            .map(UUID::toString)
            .collect(java.util.stream.Collectors.toSet());
    return task ->
        !task.candidateGroups().contains(Role.EXPERT.group())
            || own.contains(String.valueOf(task.variables().get(EXPERT_VARIABLE)));
  }
}
