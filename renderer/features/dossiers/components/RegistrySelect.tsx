import { Select, type SelectProps } from 'antd';
import { matchesLabel, type RegistryOptions, useRegistryOptions } from '../data/names';
import { useDossiers } from '../data/use-store';

type RegistrySelectProps = Omit<SelectProps<string[]>, 'mode' | 'showSearch' | 'filterOption' | 'options'> & {
  registry: keyof RegistryOptions;
};

/**
 * Records of one registry (enforcement subjects, supervised organs or supervisors) picked
 * by typing part of a name: the field of every form that says whom a matter concerns and
 * who handles it. Inside a Form.Item it takes the item's value like any Select.
 */
export function RegistrySelect({ registry, ...props }: RegistrySelectProps) {
  const { db } = useDossiers();
  const options = useRegistryOptions(db)[registry];
  return <Select mode="multiple" showSearch filterOption={matchesLabel} options={options} {...props} />;
}
