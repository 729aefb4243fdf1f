package nl.expertpool.milestone.web;

import nl.expertpool.milestone.Milestone;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface MilestoneMapper {

  @Mapping(target = "progress", expression = "java(progress(milestone))")
  MilestoneView toView(Milestone milestone);

  default MilestoneView.Progress progress(Milestone milestone) {
    return milestone.getProgressTotal() == null
        ? null
        : new MilestoneView.Progress(
            milestone.getProgressCurrent(),
            milestone.getProgressTotal(),
            milestone.getProgressUnit());
  }
}
