package nl.expertpool.project;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClientOrganisations extends JpaRepository<ClientOrganisation, UUID> {
  Optional<ClientOrganisation> findByName(String name);

  boolean existsByNameIgnoreCase(String name);

  List<ClientOrganisation> findAllByOrderByNameAsc();
}
