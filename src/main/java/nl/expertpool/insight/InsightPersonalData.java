package nl.expertpool.insight;

import java.util.UUID;
import nl.expertpool.privacy.PersonalDataHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Quotes and staff's review notes go; the counts per theme stay. */
@Component
@Order(80)
class InsightPersonalData implements PersonalDataHolder {

  private final Synthesis synthesis;

  InsightPersonalData(Synthesis synthesis) {
    this.synthesis = synthesis;
  }

  @Override
  public void anonymiseProject(UUID projectId) {
    synthesis.forgetQuotes(projectId);
  }
}
