package nl.expertpool.interview;

import java.util.List;
import java.util.Map;
import nl.expertpool.forms.FormInput;
import nl.expertpool.forms.FormValues;

/**
 * One network interview as the expert recorded it. Without the interviewee's consent only that
 * counts; the rest is not kept.
 *
 * @param themes the project's themes the interview raised (others are dropped when stored)
 * @param needs, keyQuotes, solutions one entry per non-blank line
 */
@FormInput(Interviews.FORM)
public record InterviewRecord(
    boolean consentGiven,
    String ageBand,
    String gender,
    String residenceStatus,
    String timeInNetherlands,
    List<String> themes,
    List<String> needs,
    List<String> keyQuotes,
    String insights,
    List<String> solutions) {

  public static InterviewRecord from(Map<String, Object> submission) {
    return new InterviewRecord(
        "given".equals(submission.get("intervieweeConsent")),
        FormValues.text(submission.get("ageBand")),
        FormValues.text(submission.get("gender")),
        FormValues.text(submission.get("residenceStatus")),
        FormValues.text(submission.get("timeInNetherlands")),
        FormValues.strings(submission.get("themes")),
        FormValues.lines(submission.get("needs")),
        FormValues.lines(submission.get("keyQuotes")),
        FormValues.text(submission.get("insights")),
        FormValues.lines(submission.get("solutions")));
  }
}
