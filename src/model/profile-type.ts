// Parca's profile type ids: `name:sample_type:sample_unit:period_type:period_unit[:delta]`.

export interface ProfileTypeParts {
  readonly name: string;
  readonly sampleType: string;
  readonly sampleUnit: string;
  readonly periodType: string;
  readonly periodUnit: string;
  readonly delta: boolean;
}

export class ProfileTypeError extends Error {
  override readonly name = 'ProfileTypeError';
}

export function formatProfileTypeId(parts: ProfileTypeParts): string {
  const id = [parts.name, parts.sampleType, parts.sampleUnit, parts.periodType, parts.periodUnit].join(':');
  return parts.delta ? `${id}:delta` : id;
}

export function parseProfileTypeId(id: string): ProfileTypeParts {
  const fields = id.split(':');
  if ((fields.length !== 5 && fields.length !== 6) || fields.slice(0, 5).some((f) => f === '')) {
    throw new ProfileTypeError(
      `"${id}" is not a profile type: expected name:sample_type:sample_unit:period_type:period_unit[:delta], ` +
        'for example process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta',
    );
  }
  if (fields.length === 6 && fields[5] !== 'delta') {
    throw new ProfileTypeError(`"${id}" is not a profile type: the sixth field can only be "delta"`);
  }
  const [name, sampleType, sampleUnit, periodType, periodUnit] = fields as [string, string, string, string, string];
  return { name, sampleType, sampleUnit, periodType, periodUnit, delta: fields.length === 6 };
}
