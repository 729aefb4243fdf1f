/**
 * Standing pools: regional communities of trained experts that take part in project after project
 * (for a province, a ministry or a municipality), with how long a certification stays valid and how
 * long a member stays without a project.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Standing pools",
    allowedDependencies = {
      "audit",
      "notification",
      "privacy",
      "project",
      "recruitment",
      "remuneration",
      "security",
      "web"
    })
package nl.expertpool.pools;
