-- Achievement against targets (issue 6): how an indicator's trend is projected to the end of a term.
-- 'linear': a least-squares line through the figures (rates, counts that grow by about as much each
-- year); 'compound': a constant rate of growth (income, tourists), fitted on the logarithms.
ALTER TABLE indicator ADD COLUMN trend text NOT NULL DEFAULT 'linear' CHECK (trend IN ('linear', 'compound'));
