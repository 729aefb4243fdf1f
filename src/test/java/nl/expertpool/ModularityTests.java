package nl.expertpool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(ExpertPoolApplication.class);

  @Test
  void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
    modules.verify();
  }

  @Test
  void everyModuleButThePagesDeclaresWhatItMayDependOn() {
    assertThat(modules.stream())
        .filteredOn(module -> !module.getBasePackage().getName().endsWith(".ui"))
        .allSatisfy(
            module -> {
              var declared =
                  Class.forName(module.getBasePackage().getName() + ".package-info")
                      .getAnnotation(ApplicationModule.class);
              assertThat(declared.allowedDependencies())
                  .as(module.getDisplayName())
                  .doesNotContain(ApplicationModule.OPEN_TOKEN);
            });
  }

  @Test
  void writesTheModuleDocumentation() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
