package nl.expertpool.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.expertpool.forms.FormInput;
import nl.expertpool.forms.FormValue;

/** Staff's summaries per theme; a theme left out keeps its summary. */
@FormInput("revise-synthesis")
public record RevisedSynthesis(List<ThemeSummary> themes) {

  /**
   * @param theme as submitted; checked against the synthesis when stored
   * @param summary as submitted; a blank one changes nothing
   */
  public record ThemeSummary(String theme, String summary) {}

  public static RevisedSynthesis from(Map<String, Object> submission) {
    var themes = new ArrayList<ThemeSummary>();
    for (Map<String, Object> row : FormValue.rows(submission.get("synthesisThemes"))) {
      themes.add(
          new ThemeSummary(FormValue.given(row.get("theme")), FormValue.given(row.get("summary"))));
    }
    return new RevisedSynthesis(themes);
  }
}
