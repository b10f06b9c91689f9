import { Create, SimpleForm, TextInput, maxLength, regex, required } from 'react-admin';
import { isTimeZone } from './zones';

const uuid = regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'An account id (a UUID)');
const zone = (value: string | undefined) => (!value || isTimeZone(value.trim()) ? undefined : 'An IANA time zone such as Europe/Berlin');

export default function TeamCreate() {
  return (
    <Create title="New team" redirect="show">
      <SimpleForm defaultValues={{ timeZone: 'UTC' }}>
        <TextInput source="name" validate={[required(), maxLength(200)]} />
        <TextInput
          source="timeZone"
          label="Time zone"
          validate={[required(), zone]}
          helperText="Allocations reset at midnight on the 1st in this zone"
        />
        <TextInput
          source="ownerAccountId"
          label="Owner account id"
          validate={[required(), uuid]}
          helperText="The first OWNER (a customer account)"
        />
      </SimpleForm>
    </Create>
  );
}
