package nl.expertpool.interview;

import java.util.List;
import java.util.Map;
import nl.expertpool.forms.FormInput;
import nl.expertpool.forms.FormValue;

/**
 * One network interview as the expert recorded it. Without the interviewee's consent only that
 * counts; the rest is not kept.
 *
 * @param themes the project's themes the interview raised (others are dropped when stored)
 * @param needs, keyQuotes, solutions one entry per non-blank line
 */
@FormInput(InterviewRound.FORM)
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
        FormValue.text(submission.get("ageBand")),
        FormValue.text(submission.get("gender")),
        FormValue.text(submission.get("residenceStatus")),
        FormValue.text(submission.get("timeInNetherlands")),
        FormValue.strings(submission.get("themes")),
        FormValue.lines(submission.get("needs")),
        FormValue.lines(submission.get("keyQuotes")),
        FormValue.text(submission.get("insights")),
        FormValue.lines(submission.get("solutions")));
  }
}
