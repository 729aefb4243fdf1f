package nl.expertpool.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Everything stored about one applicant or expert, for a data subject access request. */
@Service
public class PersonalData {

  private final DataSubjectLookup subjects;
  private final List<PersonalDataHolder> holders;

  PersonalData(DataSubjectLookup subjects, List<PersonalDataHolder> holders) {
    this.subjects = subjects;
    this.holders = holders;
  }

  /**
   * @param personId an application id or an expert id
   */
  @Transactional(readOnly = true)
  public Optional<Map<String, Object>> export(UUID personId) {
    return subjects
        .find(personId)
        .map(
            person -> {
              Map<String, Object> export = new LinkedHashMap<>();
              holders.forEach(holder -> export.putAll(holder.export(person)));
              return export;
            });
  }
}
