package nl.expertpool.recruitment;

import java.util.UUID;
import nl.expertpool.project.TargetsGuard;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's targets change while its call takes applications: before the call opens and while its
 * window is open, not once screening begins (unless the window opens again).
 */
@Component
class TargetsUntilScreening implements TargetsGuard {

  private final RecruitmentCalls calls;

  TargetsUntilScreening(RecruitmentCalls calls) {
    this.calls = calls;
  }

  @Override
  @Transactional(readOnly = true)
  public boolean targetsMayChange(UUID projectId) {
    return calls
        .findByProjectId(projectId)
        .map(call -> call.getStatus() == RecruitmentCall.Status.OPEN)
        .orElse(true);
  }
}
