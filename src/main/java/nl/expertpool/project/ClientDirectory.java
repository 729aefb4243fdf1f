package nl.expertpool.project;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.security.ClientOrganisationCatalog;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client organisations: listed with their projects, and added by a project manager, so that the
 * organisation's client accounts can be made before its first project starts. A new project names
 * its client too, and adds it when it is new.
 */
@Service
public class ClientDirectory implements ClientOrganisationCatalog {

  public static final int NAME_MAX = 200;

  private final ClientOrganisations clients;
  private final Projects projects;
  private final AuditTrail audit;
  private final Clock clock;

  ClientDirectory(ClientOrganisations clients, Projects projects, AuditTrail audit, Clock clock) {
    this.clients = clients;
    this.projects = projects;
    this.audit = audit;
    this.clock = clock;
  }

  /** A client organisation and how many projects it has. */
  public record Client(UUID id, String name, long projects) {}

  /** Why a new organisation's name is refused. */
  public enum Refusal {
    REQUIRED,
    TOO_LONG,
    CHARACTERS,
    TAKEN
  }

  /** A new organisation refused; nothing was stored. */
  public static class Refused extends RuntimeException {
    private final Refusal refusal;

    Refused(Refusal refusal) {
      super("The organisation was not added: " + refusal);
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  /** Every client organisation, by name. */
  @Transactional(readOnly = true)
  public List<Client> all() {
    return clients.findAllByOrderByNameAsc().stream()
        .map(c -> new Client(c.getId(), c.getName(), projects.countByClientId(c.getId())))
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public boolean exists(String name) {
    return name != null && clients.findByName(name).isPresent();
  }

  /**
   * Adds a client organisation. Surrounding spaces go; a name that differs from an existing one
   * only in case is taken, since people would mistake the one for the other.
   *
   * @throws Refused when the name is empty, too long or taken
   */
  @Transactional
  public Client create(String name, String actor) {
    String given = name == null ? "" : name.strip();
    if (given.isEmpty()) {
      throw new Refused(Refusal.REQUIRED);
    }
    if (given.length() > NAME_MAX) {
      throw new Refused(Refusal.TOO_LONG);
    }
    if (given.chars().anyMatch(Character::isISOControl)) {
      throw new Refused(Refusal.CHARACTERS);
    }
    if (clients.existsByNameIgnoreCase(given)) {
      throw new Refused(Refusal.TAKEN);
    }
    ClientOrganisation client;
    try {
      client = clients.saveAndFlush(new ClientOrganisation(given, clock.instant()));
    } catch (DataIntegrityViolationException meanwhile) {
      throw new Refused(Refusal.TAKEN);
    }
    audit.record(actor, "client-organisation.created", subject(client.getId()), given);
    return new Client(client.getId(), client.getName(), 0);
  }

  /** Adds a client organisation unless one of that name exists (the demo data's). */
  @Transactional
  void addIfAbsent(String name) {
    clients.insertIfAbsent(UUID.randomUUID(), name, clock.instant());
  }

  /** The audit trail's subject for a client organisation. */
  public static String subject(UUID id) {
    return "client-organisation:" + id;
  }
}
