package nl.expertpool.lifecycle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /api/projects} that the API tests send, for Gemeente Almere. */
public final class NewProjects {

  private NewProjects() {}

  /** A new project's JSON fields; the map can be changed to add or break a field. */
  public static Map<String, Object> json(
      String name, int targetExperts, int interviewsPerExpert, List<String> themes, String start) {
    var body = new LinkedHashMap<String, Object>();
    body.put("name", name);
    body.put("clientName", "Gemeente Almere");
    body.put("region", "Almere");
    body.put("targetExperts", targetExperts);
    body.put("interviewsPerExpert", interviewsPerExpert);
    body.put("themes", themes);
    body.put("startDate", start);
    return body;
  }
}
