package nl.expertpool.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.expertpool.forms.FormInput;
import nl.expertpool.forms.FormValue;
import nl.expertpool.jobs.RefusedInput;

/** One expert's scores for the actions of the agenda. */
@FormInput("give-feedback")
public record GivenFeedback(List<Score> scores) {

  /**
   * @param support 1 to 5; null when the expert left the action unscored
   * @param comment null when none
   */
  public record Score(int position, Integer support, String comment) {}

  /**
   * @throws RefusedInput when a row's position is not a whole number
   */
  public static GivenFeedback from(Map<String, Object> submission) {
    var scores = new ArrayList<Score>();
    for (Map<String, Object> row : FormValue.rows(submission.get("feedbackItems"))) {
      Object position = row.get("position");
      Object support = row.get("support");
      String comment = FormValue.text(row.get("comment"));
      Integer number = FormValue.wholeNumber(position);
      if (number == null) {
        throw new RefusedInput("Position " + position + " is not an action of the agenda");
      }
      scores.add(
          new Score(number, support == null ? null : (int) FormValue.number(support), comment));
    }
    return new GivenFeedback(scores);
  }
}
