package nl.expertpool.project.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.expertpool.project.NewProject;
import nl.expertpool.project.Phase;
import nl.expertpool.project.Project;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface ProjectMapper {

  @Mapping(target = "clientName", source = "client.name")
  @Mapping(target = "agendaYear", expression = "java(agendaYear(project))")
  ProjectView toView(Project project);

  /** For clients: the process instance's key opens the project in Operate, which is not theirs. */
  @Mapping(target = "clientName", source = "client.name")
  @Mapping(target = "processInstanceKey", ignore = true)
  @Mapping(target = "agendaYear", expression = "java(agendaYear(project))")
  ProjectView toClientView(Project project);

  /** The agenda's year as planned; null for a project without one. */
  default NewProject.AgendaYear agendaYear(Project project) {
    return project.getFollowUpMonths() == null
        ? null
        : new NewProject.AgendaYear(
            project.getFollowUpMonths(), project.getFollowUpIntervalWeeks());
  }

  /** Deadlines keyed by phase name, in phase order. */
  default Map<String, Instant> deadlines(Map<Phase, Instant> deadlines) {
    Map<String, Instant> view = new LinkedHashMap<>();
    for (Phase phase : Phase.values()) {
      if (deadlines.containsKey(phase)) {
        view.put(phase.key(), deadlines.get(phase));
      }
    }
    return view;
  }
}
