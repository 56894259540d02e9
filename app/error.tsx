'use client';

import { ServiceProblem } from './_components/service-problem';

export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  return <ServiceProblem reference={error.digest} />;
}
