package nl.expertpool.training.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.jobs.JobLedger;
import nl.expertpool.tasks.SubmissionStore;
import nl.expertpool.training.AttendanceRecord;
import nl.expertpool.training.Training;
import nl.expertpool.training.Training.AttendanceRow;
import nl.expertpool.training.Training.Schedule;
import nl.expertpool.training.TrainingPlan;
import org.springframework.stereotype.Component;

/** The automated steps of {@code expert-training}. */
@Component
public class TrainingWorkers {

  public static final String COUNT_UNTRAINED = "training.count-untrained";
  public static final String SCHEDULE_SESSIONS = "training.schedule-sessions";
  public static final String PREPARE_ATTENDANCE = "training.prepare-attendance";
  public static final String CERTIFY_EXPERTS = "training.certify-experts";

  private final Training training;
  private final SubmissionStore submissions;
  private final JobLedger ledger;

  TrainingWorkers(Training training, SubmissionStore submissions, JobLedger ledger) {
    this.training = training;
    this.submissions = submissions;
    this.ledger = ledger;
  }

  @JobWorker(type = COUNT_UNTRAINED)
  public Map<String, Object> countUntrained(ActivatedJob job) {
    UUID projectId = JobLedger.projectId(job);
    int untrained = ledger.once(job, Integer.class, () -> training.untrained(projectId));
    return Map.of("untrainedCount", untrained);
  }

  @JobWorker(type = SCHEDULE_SESSIONS)
  public Map<String, Object> schedule(ActivatedJob job) {
    UUID projectId = JobLedger.projectId(job);
    Schedule schedule =
        ledger.once(
            job,
            Schedule.class,
            () ->
                training.schedule(
                    projectId, TrainingPlan.from(submissions.of(job, "schedule-training"))));
    return Map.of(
        "trainingRound", schedule.trainingRound(),
        "lastSessionEnds", schedule.lastSessionEnds().toString());
  }

  @JobWorker(type = PREPARE_ATTENDANCE, fetchVariables = "projectId")
  public Map<String, Object> prepareAttendance(ActivatedJob job, @Variable String projectId) {
    AttendanceRow[] rows =
        ledger.once(
            job,
            AttendanceRow[].class,
            () ->
                training.attendanceList(UUID.fromString(projectId)).toArray(AttendanceRow[]::new));
    return Map.of("attendance", List.of(rows));
  }

  @JobWorker(type = CERTIFY_EXPERTS)
  public Map<String, Object> certify(ActivatedJob job) {
    UUID projectId = JobLedger.projectId(job);
    int certified =
        ledger.once(
            job,
            Integer.class,
            () ->
                training.certify(
                    projectId, AttendanceRecord.from(submissions.of(job, "record-attendance"))));
    return Map.of("certifiedCount", certified);
  }
}
