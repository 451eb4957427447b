-- CreateTable
CREATE TABLE "GuidelineVersionObservation" (
    "organizationId" TEXT NOT NULL,
    "guidelineVersionId" TEXT NOT NULL,
    "observationId" TEXT NOT NULL,

    CONSTRAINT "GuidelineVersionObservation_pkey" PRIMARY KEY ("guidelineVersionId","observationId")
);

-- CreateIndex
CREATE INDEX "GuidelineVersionObservation_observationId_idx" ON "GuidelineVersionObservation"("observationId");

-- CreateIndex
CREATE INDEX "GuidelineVersionObservation_organizationId_idx" ON "GuidelineVersionObservation"("organizationId");

-- AddForeignKey
ALTER TABLE "GuidelineVersionObservation" ADD CONSTRAINT "GuidelineVersionObservation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuidelineVersionObservation" ADD CONSTRAINT "GuidelineVersionObservation_guidelineVersionId_fkey" FOREIGN KEY ("guidelineVersionId") REFERENCES "GuidelineVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuidelineVersionObservation" ADD CONSTRAINT "GuidelineVersionObservation_observationId_fkey" FOREIGN KEY ("observationId") REFERENCES "Observation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
