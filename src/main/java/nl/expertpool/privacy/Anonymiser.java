package nl.expertpool.privacy;

import java.util.List;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.project.ProjectLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes personal data and keeps what the project's results need: counts, pseudonyms, the coarse
 * interview profile and themes, aggregates, the action agenda and the handover package. Consent
 * records keep what proves the consent (text version, time, method). The sign-in accounts that
 * belonged to the people removed are disabled. Each module removes its own part ({@link
 * PersonalDataHolder}).
 */
@Service
public class Anonymiser {

  private final DataSubjectLookup subjects;
  private final List<PersonalDataHolder> holders;
  private final ProjectLifecycle projects;
  private final AuditTrail audit;

  Anonymiser(
      DataSubjectLookup subjects,
      List<PersonalDataHolder> holders,
      ProjectLifecycle projects,
      AuditTrail audit) {
    this.subjects = subjects;
    this.holders = holders;
    this.projects = projects;
    this.audit = audit;
  }

  /**
   * Anonymises the whole project: applicants and experts, the interviews' free text, quotes, the
   * contacts of invited organisations, trainers' names, feedback comments and every stored form
   * submission.
   *
   * @return how many applications were anonymised now
   */
  @Transactional
  public int anonymiseProject(UUID projectId) {
    int people = subjects.notAnonymised(projectId);
    holders.forEach(holder -> holder.anonymiseProject(projectId));
    boolean first = projects.markAnonymised(projectId);
    if (first) {
      audit.record(
          AuditTrail.ENGINE,
          "privacy.project-anonymised",
          AuditTrail.project(projectId),
          people + " applicants");
    }
    return people;
  }

  /**
   * Erases one person's personal data now, the same way: their application, and their name in the
   * notes of the screening form. Counts and their pseudonym stay.
   *
   * @param personId an application id or an expert id
   * @return false when nobody has that id
   */
  @Transactional
  public boolean erasePerson(UUID personId, String actor) {
    var found = subjects.find(personId);
    if (found.isEmpty()) {
      return false;
    }
    Person person = found.get();
    holders.forEach(holder -> holder.erasePerson(person, actor));
    audit.record(
        actor,
        "privacy.person-erased",
        AuditTrail.project(person.projectId()),
        "application " + person.applicationId());
    return true;
  }
}
