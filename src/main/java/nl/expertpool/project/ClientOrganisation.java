package nl.expertpool.project;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The municipality or other body a project is for; its users see only its projects. */
@Entity
@Table(name = "client_organisation")
public class ClientOrganisation {

  @Id private UUID id;
  private String name;
  private Instant createdAt;

  protected ClientOrganisation() {}

  ClientOrganisation(String name, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.createdAt = createdAt;
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }
}
