package nl.expertpool.privacy.web;

import java.util.Map;
import java.util.UUID;
import nl.expertpool.privacy.Anonymiser;
import nl.expertpool.privacy.PersonalData;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Data subject rights, for project managers: access (export) and erasure. */
@RestController
class PeopleController {

  private final PersonalData personalData;
  private final Anonymiser anonymiser;

  PeopleController(PersonalData personalData, Anonymiser anonymiser) {
    this.personalData = personalData;
    this.anonymiser = anonymiser;
  }

  @GetMapping("/api/people/{id}/export")
  ResponseEntity<Map<String, Object>> export(@PathVariable UUID id) {
    return ResponseEntity.ok()
        .header("Cache-Control", "no-store")
        .header("Content-Disposition", "attachment; filename=\"person-" + id + ".json\"")
        .body(personalData.export(id).orElseThrow(() -> noPerson(id)));
  }

  @DeleteMapping("/api/people/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void erase(@PathVariable UUID id) {
    if (!anonymiser.erasePerson(id, CurrentUser.get().name())) {
      throw noPerson(id);
    }
  }

  private static ApiException noPerson(UUID id) {
    return ApiException.notFound("No applicant or expert " + id);
  }
}
