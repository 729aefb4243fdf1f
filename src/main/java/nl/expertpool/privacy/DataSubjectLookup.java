package nl.expertpool.privacy;

import java.util.Optional;
import java.util.UUID;

/** Who the people are that data is stored about; implemented by the module that signs them up. */
public interface DataSubjectLookup {

  /**
   * @param personId an application id or an expert id
   */
  Optional<Person> find(UUID personId);

  /** How many of the project's applicants still have their personal data. */
  int notAnonymised(UUID projectId);
}
