package nl.expertpool.lifecycle;

import java.time.Clock;
import nl.expertpool.demo.ProjectDriver;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.milestone.MilestoneTracker;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.recruitment.ApplicationConfirmation;
import nl.expertpool.recruitment.CallForExperts;
import nl.expertpool.recruitment.Intake;
import nl.expertpool.recruitment.Pool;
import nl.expertpool.tasks.TaskInbox;
import org.springframework.stereotype.Component;

/** The app's own project driver as a bean for the tests, acting as the project manager "pm". */
@Component
public class LifecycleDriver extends ProjectDriver {

  public LifecycleDriver(
      ProjectLifecycle projects,
      CallForExperts call,
      Intake intake,
      ApplicationConfirmation confirmation,
      Pool pool,
      TaskInbox tasks,
      ProcessEngine engine,
      MilestoneTracker milestones,
      Clock clock) {
    super(projects, call, intake, confirmation, pool, tasks, engine, milestones, clock, PM);
  }
}
