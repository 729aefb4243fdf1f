package nl.expertpool.lifecycle;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import nl.expertpool.notification.Notification;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything one project left behind, counted by kind: its rows in every table, its audit events
 * per action and its notifications per template. Two projects that took the same path have the same
 * census, however often their jobs were delivered; a worker whose effect ran twice adds a row, an
 * event or a message.
 */
public final class ProjectCensus {

  /** Tables that reach the project through another table. */
  private static final String[][] CHILD_TABLES = {
    {
      "consent_record",
      "select count(*) from consent_record c join application a"
          + " on a.id = c.application_id where a.project_id = ?"
    },
    {
      "attendance",
      "select count(*) from attendance t join expert e on e.id = t.expert_id"
          + " where e.project_id = ?"
    },
    {
      "expert_account",
      "select count(*) from expert_account x join application a"
          + " on a.id = x.application_id where a.project_id = ?"
    },
  };

  private ProjectCensus() {}

  public static SortedMap<String, Integer> of(
      JdbcTemplate jdbc, RecordingNotifier notifier, UUID project, String projectName) {
    var census = new TreeMap<String, Integer>();
    census.put(
        "rows project",
        jdbc.queryForObject("select count(*) from project where id = ?", Integer.class, project));
    // Every table with a project_id column, so a table added later is counted too.
    for (String table :
        jdbc.queryForList(
            "select table_name from information_schema.columns"
                + " where table_schema = current_schema() and column_name = 'project_id'",
            String.class)) {
      census.put(
          "rows " + table,
          jdbc.queryForObject(
              "select count(*) from " + table + " where project_id = ?", Integer.class, project));
    }
    for (String[] child : CHILD_TABLES) {
      census.put("rows " + child[0], jdbc.queryForObject(child[1], Integer.class, project));
    }
    jdbc.query(
        "select action, count(*) from audit_event where subject = ? group by action",
        rs -> {
          census.put("audit " + rs.getString(1), rs.getInt(2));
        },
        "project:" + project);
    for (Notification notification : notifier.about(projectName)) {
      census.merge("notification " + notification.template(), 1, Integer::sum);
    }
    return census;
  }
}
